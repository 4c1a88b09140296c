import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as eventsRoute } from "@/app/api/v1/events/route";
import { GET as listHooksRoute, POST as createHookRoute } from "@/app/api/v1/webhooks/route";
import { DELETE as deleteHookRoute, GET as getHookRoute } from "@/app/api/v1/webhooks/[subscriptionId]/route";
import { GET as deliveriesRoute } from "@/app/api/v1/webhooks/[subscriptionId]/deliveries/route";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { type PerformOptions, performAction } from "@/lib/lifecycle/perform";
import { deliverDueWebhooks } from "@/lib/webhooks/sender";
import { verifyWebhookSignature } from "@/lib/webhooks/signature";
import { sampleTerms } from "@/lib/terms/sample";
import { useTestDatabase } from "./support/database";
import { violations } from "./support/openapi-schema";
import { tokenFor } from "./support/tokens";
import { type World, createWorld, creditIn, draftWithInvoice } from "./support/world";

// Signed webhooks through a table-backed outbox (issue 15, item 6): a receiver started here gets
// each event of a real credit's steps once, in order, with a signature it verifies; after an
// outage longer than a minute of the sender's clock it gets what was produced meanwhile, once;
// senders racing deliver each event once; outsiders and non-administrators manage nothing.

useTestDatabase();
let world: World;

/** A webhook receiver: records every request (so a duplicate would show) and answers `mode`. */
class Receiver {
  server: Server | null = null;
  port = 0;
  mode: "ok" | "unavailable" = "ok";
  requests: { path: string; body: string; headers: IncomingMessage["headers"] }[] = [];

  async start(): Promise<void> {
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        this.requests.push({ path: req.url ?? "", body: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
        res.writeHead(this.mode === "ok" ? 204 : 503).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Down: the port refuses connections. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  url = (path: string) => `http://127.0.0.1:${this.port}${path}`;
  at = (path: string) => this.requests.filter((r) => r.path === path);
}

const receiver = new Receiver();

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(route: unknown, token: string, url: string, init: { method?: string; body?: unknown; params?: Record<string, string> } = {}) {
  const request = new Request(`http://localhost/api/v1${url}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${token}`, ...(init.body !== undefined ? { "content-type": "application/json" } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  const response = await (route as Route)(request, { params: Promise.resolve(init.params ?? {}) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { message: string } } };
}

async function subscribe(admin: Actor, path: string, events?: string[]) {
  const response = await call(createHookRoute, await tokenFor(admin, ["read", "act"]), "/webhooks", { method: "POST", body: { url: receiver.url(path), ...(events ? { events } : {}) } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; secret: string; eventTypes: string[] };
}

interface Received {
  id: string;
  type: string;
  cursor: string;
  credit: { id: string };
}

/** The events a path received, each checked: its signature verifies with the secret, and its headers match its body. */
function receivedAt(path: string, secret: string, now?: Date): Received[] {
  return receiver.at(path).map((r) => {
    const timestamp = r.headers["tradetrail-timestamp"] as string;
    expect(verifyWebhookSignature({ secret, timestamp, body: r.body, header: r.headers["tradetrail-signature"] as string, now }), `signature of ${r.body}`).toBe(true);
    const event = JSON.parse(r.body) as Received;
    expect(r.headers["tradetrail-event-id"]).toBe(event.id);
    expect(r.headers["tradetrail-event-type"]).toBe(event.type);
    expect(r.headers["content-type"]).toBe("application/json");
    return event;
  });
}

/** Runs the sender until nothing is due at `clock` (a few runs at most). */
async function drain(clock?: () => Date) {
  for (let run = 0; run < 10; run++) {
    const { delivered, failed } = await deliverDueWebhooks({ clock });
    if (delivered === 0 && failed === 0) return;
  }
}

const step = (creditId: string) => (actor: PerformOptions["actor"], action: PerformOptions["action"], input?: unknown, subjectId?: string) => performAction({ actor, action, creditId, input, subjectId });

/** A real credit from application to payment, through an amendment and a discrepant presentation. */
async function creditToPayment(): Promise<string> {
  const { applicant, beneficiary, issuingBank, advisingBank } = world.users;
  // Available with the issuing bank: its people examine and pay (lib/credits/place-of-presentation.ts).
  const terms = sampleTerms({ availableWith: "ISSUING_BANK" });
  const { creditId } = await performAction({ actor: applicant.MAKER, action: "createCredit", input: { beneficiaryId: world.orgs.beneficiary, issuingBankId: world.orgs.issuingBank, advisingBankId: world.orgs.advisingBank, terms } });
  const act = step(creditId);
  await act(applicant.MAKER, "sendToBeneficiary", { comment: "Please review" });
  await act(beneficiary.MAKER, "endorseTerms");
  await act(applicant.MAKER, "submitApplication", {});
  await act(issuingBank.MAKER, "prepareIssuance", { creditNumber: `WH/${creditId.slice(-6)}`, bankConditions: "" });
  await act(issuingBank.CHECKER, "approveIssuance");
  await act(advisingBank.CHECKER, "adviseCredit", { addConfirmation: false });
  const amendment = await act(applicant.MAKER, "requestAmendment", { terms: { ...terms, amount: "150000.00" }, note: "Larger order" });
  await act(issuingBank.MAKER, "prepareAmendment", {}, amendment.subjectId!);
  await act(issuingBank.CHECKER, "approveAmendment", {}, amendment.subjectId!);
  await act(advisingBank.MAKER, "adviseAmendment", {}, amendment.subjectId!);
  await act(beneficiary.MAKER, "acceptAmendment", {}, amendment.subjectId!);
  const { presentationId } = await draftWithInvoice(world, creditId);
  await act(beneficiary.MAKER, "presentDocuments", {}, presentationId);
  await db().finding.create({ data: { presentationId, rule: "examiner", article: "18(a)", message: "Invoice not signed as required", source: "EXAMINER" } });
  await act(issuingBank.MAKER, "notifyDiscrepancies", { disposal: "HOLDING_UNTIL_WAIVER" }, presentationId);
  await act(issuingBank.CHECKER, "approveNotice", {}, presentationId);
  const findings = await db().finding.findMany({ where: { presentationId }, select: { id: true } });
  await act(applicant.MAKER, "waiveDiscrepancies", { findingIds: findings.map((f) => f.id) }, presentationId);
  await act(issuingBank.MAKER, "acceptWaiver", {}, presentationId);
  await act(issuingBank.CHECKER, "approveWaiverAcceptance", {}, presentationId);
  const { claimedAmount } = await db().presentation.findUniqueOrThrow({ where: { id: presentationId } });
  await act(issuingBank.MAKER, "preparePayment", { amount: claimedAmount!.toFixed(2) }, presentationId);
  await act(issuingBank.CHECKER, "approvePayment", {}, presentationId);
  return creditId;
}

/** A credit issued now by a real step (approveIssuance on a prepared issuance): one credit.issued event. */
async function issueOne(): Promise<string> {
  const { creditId } = await creditIn(world, "ISSUANCE_PENDING");
  await step(creditId)(world.users.issuingBank.CHECKER, "approveIssuance");
  return creditId;
}

beforeAll(async () => {
  world = await createWorld();
  await receiver.start();
});
afterAll(async () => {
  await receiver.stop();
});

describe("webhooks from a real credit's steps", () => {
  let hook: { id: string; secret: string };
  let creditId: string;

  beforeAll(async () => {
    hook = await subscribe(world.users.issuingBank.ADMIN, "/issuer");
    creditId = await creditToPayment();
    await drain();
  });

  it("delivers issued, amended, presented, discrepant and paid once each, in order, each signature verified", async () => {
    const received = receivedAt("/issuer", hook.secret);
    expect(received.map((e) => e.type)).toEqual(["credit.issued", "credit.amended", "documents.presented", "presentation.discrepant", "presentation.paid"]);
    expect(new Set(received.map((e) => e.id)).size).toBe(received.length);
    expect(received.every((e) => e.credit.id === creditId)).toBe(true);
    // The same events, in the same order, as the issuing bank's feed lists them.
    const feed = await call(eventsRoute, await tokenFor(world.users.issuingBank.VIEWER, ["read"]), "/events");
    const subscribed = (feed.body.events as Received[]).filter((e) => received.some((r) => r.type === e.type));
    expect(subscribed.map((e) => e.id)).toEqual(received.map((e) => e.id));
    // The webhook's body is the feed item itself (the same schema).
    expect(violations("/events", "get", 200, feed.body)).toEqual([]);
    expect(JSON.parse(receiver.at("/issuer")[0]!.body)).toEqual((feed.body.events as Received[]).find((e) => e.id === received[0]!.id));
  });

  it("logs each delivery with its attempt, readable by the administrator", async () => {
    const log = await call(deliveriesRoute, await tokenFor(world.users.issuingBank.ADMIN, ["read"]), `/webhooks/${hook.id}/deliveries`, { params: { subscriptionId: hook.id } });
    expect(log.status).toBe(200);
    expect(violations("/webhooks/{subscriptionId}/deliveries", "get", 200, log.body)).toEqual([]);
    const deliveries = log.body.deliveries as { eventType: string; status: string; attempts: number; log: { statusCode: number }[] }[];
    expect(deliveries.map((d) => d.eventType)).toEqual(["presentation.paid", "presentation.discrepant", "documents.presented", "credit.amended", "credit.issued"]);
    for (const d of deliveries) expect(d).toMatchObject({ status: "DELIVERED", attempts: 1, log: [{ statusCode: 204 }] });
  });

  it("fails a receiver's check of a tampered body or signature", () => {
    const original = receiver.at("/issuer")[0]!;
    const timestamp = original.headers["tradetrail-timestamp"] as string;
    const header = original.headers["tradetrail-signature"] as string;
    expect(verifyWebhookSignature({ secret: hook.secret, timestamp, body: original.body, header })).toBe(true);
    expect(verifyWebhookSignature({ secret: hook.secret, timestamp, body: original.body.replace("credit.issued", "credit.expired"), header })).toBe(false);
    const tampered = header.slice(0, -2) + (header.endsWith("00") ? "11" : "00");
    expect(verifyWebhookSignature({ secret: hook.secret, timestamp, body: original.body, header: tampered })).toBe(false);
    expect(verifyWebhookSignature({ secret: "whsec_guessed", timestamp, body: original.body, header })).toBe(false);
  });

  it("shows another organisation none of these events, and no way to its subscription", async () => {
    const outsider = await tokenFor(world.users.otherBank.ADMIN, ["read", "act"]);
    const feed = await call(eventsRoute, outsider, "/events");
    expect(feed.status).toBe(200);
    expect((feed.body.events as Received[]).filter((e) => e.credit.id === creditId)).toEqual([]);
    expect((await call(getHookRoute, outsider, `/webhooks/${hook.id}`, { params: { subscriptionId: hook.id } })).status).toBe(404);
    expect((await call(deliveriesRoute, outsider, `/webhooks/${hook.id}/deliveries`, { params: { subscriptionId: hook.id } })).status).toBe(404);
    expect((await call(deleteHookRoute, outsider, `/webhooks/${hook.id}`, { method: "DELETE", params: { subscriptionId: hook.id } })).status).toBe(404);
    expect(((await call(listHooksRoute, outsider, "/webhooks")).body.webhooks as unknown[]).length).toBe(0);
    expect(await db().webhookSubscription.count({ where: { id: hook.id } })).toBe(1);
  });
});

describe("a receiver that is down", () => {
  it("gets the events produced during an outage of more than a minute once each, in order, when it is back", async () => {
    const hook = await subscribe(world.users.issuingBank.ADMIN, "/outage", ["credit.issued"]);
    await receiver.stop();
    const credits = [await issueOne(), await issueOne(), await issueOne()];
    // The sender's clock is driven by the test: 5 s a run, and the jitter at its top (10, 20, 40, 80 s).
    const start = Date.now();
    let t = start;
    const clock = () => new Date(t);
    const runUntil = async (until: number) => {
      for (; t <= start + until; t += 5_000) await deliverDueWebhooks({ clock, random: () => 1 });
    };
    await runUntil(20_000); // attempts at 0 and 10 s: refused
    await receiver.start(); // the same port, answering 503 for now
    receiver.mode = "unavailable";
    await runUntil(75_000); // attempts at 30 and 70 s: 503
    expect(receiver.at("/outage").length).toBe(2);
    receiver.mode = "ok";
    await runUntil(160_000); // the fifth attempt, at 150 s, and then the two events that waited behind it

    const received = receivedAt("/outage", hook.secret, clock());
    const delivered = received.filter((_, i) => receiver.at("/outage")[i]!.headers["tradetrail-timestamp"] === String(Math.floor((start + 150_000) / 1000)));
    expect(delivered.map((e) => e.credit.id)).toEqual(credits);
    expect(new Set(delivered.map((e) => e.id)).size).toBe(3);
    const log = await call(deliveriesRoute, await tokenFor(world.users.issuingBank.ADMIN, ["read"]), `/webhooks/${hook.id}/deliveries`, { params: { subscriptionId: hook.id } });
    const [third, second, first] = log.body.deliveries as { status: string; attempts: number; log: { at: string; statusCode: number | null; error: string | null }[] }[];
    expect(first!.status).toBe("DELIVERED");
    expect(first!.log.map((a) => [(Date.parse(a.at) - start) / 1000, a.statusCode])).toEqual([
      [0, null],
      [10, null],
      [30, 503],
      [70, 503],
      [150, 204],
    ]);
    expect(first!.log[0]!.error).toMatch(/ECONNREFUSED/);
    // The outage spanned more than a minute of attempts; the later events waited behind the first and went once.
    expect(Date.parse(first!.log.at(-2)!.at) - Date.parse(first!.log[0]!.at)).toBeGreaterThanOrEqual(60_000);
    for (const later of [second!, third!]) expect(later).toMatchObject({ status: "DELIVERED", attempts: 1 });
  });

  it("gives up after the last attempt, marks the delivery failed and goes on to the next event", async () => {
    const hook = await subscribe(world.users.issuingBank.ADMIN, "/gone", ["credit.issued"]);
    await db().webhookSubscription.update({ where: { id: hook.id }, data: { url: "http://127.0.0.1:9/gone" } }); // the discard port: refused
    await issueOne();
    let t = Date.now();
    for (let run = 0; run < 40; run++, t += 3_600_000) await deliverDueWebhooks({ clock: () => new Date(t) });
    const deliveries = await db().webhookDelivery.findMany({ where: { subscriptionId: hook.id } });
    expect(deliveries.map((d) => [d.status, d.attempts])).toEqual([["FAILED", 10]]);
    expect(await db().webhookAttempt.count({ where: { subscriptionId: hook.id } })).toBe(10);
  });
});

describe("in production", () => {
  it("does not post to an address that is not public, and logs why", async () => {
    const hook = await subscribe(world.users.issuingBank.ADMIN, "/internal", ["credit.issued"]);
    const others = await db().webhookSubscription.findMany({ where: { id: { not: hook.id } }, select: { id: true } });
    // Only this subscription is due: the others are leased away for the run.
    await db().webhookSubscription.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { leaseUntil: new Date(Date.now() + 3_600_000) } });
    try {
      await issueOne();
      await deliverDueWebhooks({ publicOnly: true });
      await db().webhookSubscription.update({ where: { id: hook.id }, data: { url: receiver.url("/internal").replace("127.0.0.1", "localhost") } });
      await deliverDueWebhooks({ publicOnly: true, clock: () => new Date(Date.now() + 60_000) });
    } finally {
      await db().webhookSubscription.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { leaseUntil: null } });
    }
    expect(receiver.at("/internal")).toEqual([]);
    const attempts = await db().webhookAttempt.findMany({ where: { subscriptionId: hook.id }, orderBy: { attempt: "asc" } });
    expect(attempts.map((a) => a.error)).toEqual([expect.stringMatching(/127\.0\.0\.1 is 127\.0\.0\.1, not a public address/), expect.stringMatching(/localhost is (127\.0\.0\.1|::1), not a public address/)]);
    await db().webhookSubscription.delete({ where: { id: hook.id } });
  });
});

describe("senders racing", () => {
  it("deliver each event to each subscription once", async () => {
    const hooks = [
      { path: "/race-issuer", ...(await subscribe(world.users.issuingBank.ADMIN, "/race-issuer", ["credit.issued"])) },
      { path: "/race-adviser", ...(await subscribe(world.users.advisingBank.ADMIN, "/race-adviser", ["credit.issued"])) },
      { path: "/race-applicant", ...(await subscribe(world.users.applicant.ADMIN, "/race-applicant", ["credit.issued"])) },
    ];
    const credits = await Promise.all(Array.from({ length: 6 }, () => issueOne()));
    for (let round = 0; round < 8; round++) await Promise.all(Array.from({ length: 4 }, () => deliverDueWebhooks({ perSubscription: 2 })));
    for (const hook of hooks) {
      const received = receivedAt(hook.path, hook.secret).map((e) => e.credit.id);
      expect(received.length, hook.path).toBe(6);
      expect(new Set(received), hook.path).toEqual(new Set(credits));
      // In the feed's order, which is the order the issuances committed.
      const seqs = await db().feedEvent.findMany({ where: { type: "credit.issued", creditId: { in: credits } }, orderBy: { seq: "asc" }, select: { creditId: true } });
      expect(received, hook.path).toEqual(seqs.map((s) => s.creditId));
    }
  });
});

describe("managing subscriptions", () => {
  it("lets only an administrator create one, with a token that may act, and shows its secret once", async () => {
    const url = receiver.url("/managed");
    const maker = await call(createHookRoute, await tokenFor(world.users.issuingBank.MAKER, ["read", "act"]), "/webhooks", { method: "POST", body: { url } });
    expect(maker.status).toBe(403);
    expect(maker.body.error!.message).toMatch(/administrators/);
    const readOnly = await call(createHookRoute, await tokenFor(world.users.issuingBank.ADMIN, ["read"]), "/webhooks", { method: "POST", body: { url } });
    expect(readOnly.status).toBe(403);
    const admin = await tokenFor(world.users.beneficiary.ADMIN, ["read", "act"]);
    const created = await call(createHookRoute, admin, "/webhooks", { method: "POST", body: { url, events: ["presentation.paid"], description: "ERP" } });
    expect(created.status).toBe(201);
    expect(violations("/webhooks", "post", 201, created.body)).toEqual([]);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const id = created.body.id as string;
    const read = await call(getHookRoute, admin, `/webhooks/${id}`, { params: { subscriptionId: id } });
    expect(read.body).toEqual({ id, url, eventTypes: ["presentation.paid"], description: "ERP", createdAt: expect.any(String) });
    const listed = await call(listHooksRoute, admin, "/webhooks");
    expect(violations("/webhooks", "get", 200, listed.body)).toEqual([]);
    expect((listed.body.webhooks as { id: string }[]).map((w) => w.id)).toEqual([id]);
    expect((await call(getHookRoute, await tokenFor(world.users.beneficiary.MAKER, ["read"]), `/webhooks/${id}`, { params: { subscriptionId: id } })).status).toBe(403);
    expect((await call(deleteHookRoute, admin, `/webhooks/${id}`, { method: "DELETE", params: { subscriptionId: id } })).status).toBe(200);
    expect((await call(getHookRoute, admin, `/webhooks/${id}`, { params: { subscriptionId: id } })).status).toBe(404);
  });

  it("refuses an address that is not https (http only to this machine outside production), and unknown events or fields", async () => {
    const admin = await tokenFor(world.users.issuingBank.ADMIN, ["read", "act"]);
    const create = (body: unknown) => call(createHookRoute, admin, "/webhooks", { method: "POST", body });
    for (const url of ["http://example.com/hook", "ftp://127.0.0.1/x", "https://user:pw@example.com/x", "not a url", 42]) {
      const response = await create({ url });
      expect(response.status, String(url)).toBe(400);
      expect(response.body.error!.message).toMatch(/webhook URL/);
    }
    expect((await create({ url: "https://erp.example.com/hook", events: ["credit.issued", "credit.exploded"] })).body.error!.message).toMatch(/credit\.issued, credit\.advised/);
    expect((await create({ url: "https://erp.example.com/hook", secret: "mine" })).status).toBe(400);
  });
});
