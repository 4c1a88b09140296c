import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { type MailTransport, deliverDueEmails, queueEmail } from "@/lib/email/outbox";
import { useTestDatabase } from "./support/database";

// Two e-mail senders on one outbox (two `npm run worker` processes, issue 16 item 4). A sender
// holds a message for a claim period; a sender that claimed a whole run of messages up front and
// sent them one by one through a slow SMTP server let the later ones' claims run out before it
// got to them, so a second sender took them and both sent them. Each message is claimed only
// when its turn comes, so each is sent once however slow the server.

useTestDatabase();

/** A transport that takes `ms` per message and records what it sent. */
function slowTransport(ms: number, sent: string[]): MailTransport {
  return {
    sendMail: async (message: { subject?: string }) => {
      await new Promise((r) => setTimeout(r, ms));
      sent.push(String(message.subject));
      return {} as never;
    },
  } as MailTransport;
}

describe("several e-mail senders", () => {
  it("sends each message once when a slow server outlasts the claim of messages still waiting their turn", async () => {
    for (let i = 1; i <= 4; i++) await queueEmail(db(), { to: `someone${i}@test.example`, subject: `message ${i}`, text: "hello", kind: "test" });
    const first: string[] = [];
    const second: string[] = [];
    // The first sender takes 600 ms a message with a claim of 1 s; the second starts while the
    // first is on its second message, after the claim it would have taken on all four ran out.
    const a = deliverDueEmails(slowTransport(600, first), { limit: 4, claimMs: 1_000 });
    await new Promise((r) => setTimeout(r, 1_100));
    const b = deliverDueEmails(slowTransport(600, second), { limit: 4, claimMs: 1_000 });
    const [ra, rb] = await Promise.all([a, b]);
    expect([...first, ...second].sort()).toEqual(["message 1", "message 2", "message 3", "message 4"]);
    expect(ra.sent + rb.sent).toBe(4);
    // The second sender did take part: it sent what the first had not reached yet.
    expect(second.length).toBeGreaterThan(0);
    const rows = await db().emailMessage.findMany({ select: { status: true, attempts: true } });
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
  });
});
