import { beforeAll, describe, expect, it } from "vitest";
import { GET as messagesRoute, POST as postMessageRoute } from "@/app/api/v1/credits/[creditId]/messages/route";
import { POST as actionRoute } from "@/app/api/v1/credits/[creditId]/actions/[action]/route";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "./support/database";
import { violations } from "./support/openapi-schema";
import { tokenFor } from "./support/tokens";
import { type World, createWorld, creditIn } from "./support/world";

// The credit's message thread through the API (issue 15: "messages in the API"): read by whoever
// may read the credit, posted to under the Messages tab's rule (a party's user who is not only a
// viewer), checked on the server from the token's user, never from the request; retries are safe
// with an Idempotency-Key, and every body matches the OpenAPI document.

useTestDatabase();
let world: World;
let creditId: string;
let draftId: string;
beforeAll(async () => {
  world = await createWorld();
  creditId = (await creditIn(world, "ISSUED")).creditId;
  draftId = (await creditIn(world, "DRAFT")).creditId;
  await db().auditGrant.create({
    data: { bankId: world.orgs.issuingBank, auditorId: world.orgs.auditor, grantedById: world.users.issuingBank.ADMIN.userId, approvedById: world.users.issuingBank.CHECKER.userId, approvedAt: new Date(), validFrom: new Date(Date.now() - 60_000), validUntil: new Date(Date.now() + 86_400_000) },
  });
});

type Thread = { creditId: string; reference: string; messages: { id: string; body: string; author: { name: string }; organization: { id: string; name: string }; createdAt: string; mine: boolean }[] };
type Posted = { message: Thread["messages"][number]; replayed: boolean };
type Refusal = { error: { code: string; message: string; fields?: Record<string, string> } };

const tokens = new Map<Actor, string>();
const tokenOf = async (actor: Actor, scopes: ("read" | "act")[] = ["read", "act"]) => {
  if (scopes.length === 2 && tokens.has(actor)) return tokens.get(actor)!;
  const token = await tokenFor(actor, scopes);
  if (scopes.length === 2) tokens.set(actor, token);
  return token;
};

async function read(actor: Actor, id = creditId, query = "") {
  const token = await tokenOf(actor);
  const response = await messagesRoute(new Request(`http://localhost/api/v1/credits/${id}/messages${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ creditId: id }) });
  const body = (await response.json()) as unknown;
  expect(violations("/credits/{creditId}/messages", "get", response.status, body)).toEqual([]);
  return { status: response.status, body };
}

async function post(token: string, payload: string, options: { id?: string; key?: string; type?: string } = {}) {
  const id = options.id ?? creditId;
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, "content-type": options.type ?? "application/json" };
  if (options.key) headers["idempotency-key"] = options.key;
  const response = await postMessageRoute(new Request(`http://localhost/api/v1/credits/${id}/messages`, { method: "POST", headers, body: payload }), { params: Promise.resolve({ creditId: id }) });
  const body = (await response.json()) as unknown;
  expect(violations("/credits/{creditId}/messages", "post", response.status, body)).toEqual([]);
  return { status: response.status, body };
}

const count = (id = creditId) => db().message.count({ where: { creditId: id } });

describe("GET /api/v1/credits/{id}/messages", () => {
  it("lists the thread oldest first, with author, organisation and whether it is the reader's own", async () => {
    const applicant = world.users.applicant.MAKER;
    const bank = world.users.issuingBank.MAKER;
    expect((await post(await tokenOf(applicant), JSON.stringify({ body: "  Please confirm the latest shipment date.  " }))).status).toBe(201);
    expect((await post(await tokenOf(bank), JSON.stringify({ body: "Confirmed: 15 March." }))).status).toBe(201);

    const { status, body } = await read(applicant);
    expect(status).toBe(200);
    const thread = body as Thread;
    expect(thread.creditId).toBe(creditId);
    expect(thread.messages.map((m) => [m.body, m.organization.id, m.mine])).toEqual([
      ["Please confirm the latest shipment date.", world.orgs.applicant, true],
      ["Confirmed: 15 March.", world.orgs.issuingBank, false],
    ]);
    expect(thread.messages[0]!.author.name).toBe(applicant.name);
    expect((await read(bank)).body).toMatchObject({ messages: [{ mine: false }, { mine: true }] });
  });

  it("is read by every party and an auditor under a grant (logged), and is 404 for anyone else, as the credit is", async () => {
    for (const party of ["applicant", "beneficiary", "issuingBank", "advisingBank"] as const) {
      expect((await read(world.users[party].VIEWER)).status, party).toBe(200);
    }
    const logged = await db().auditLogEntry.count({ where: { creditId, action: "view-messages" } });
    expect((await read(world.users.auditor.VIEWER)).status).toBe(200);
    expect(await db().auditLogEntry.count({ where: { creditId, action: "view-messages", actorId: world.users.auditor.VIEWER.userId } })).toBe(logged + 1);

    for (const outsider of [world.users.otherBank.ADMIN, world.users.otherCorporate.ADMIN]) {
      const { status, body } = await read(outsider);
      expect(status).toBe(404);
      expect((body as Refusal).error.code).toBe("NOT_FOUND");
    }
    // A draft not yet shared: the beneficiary and the banks do not see it, nor its thread.
    expect((await read(world.users.applicant.MAKER, draftId)).status).toBe(200);
    for (const party of ["beneficiary", "issuingBank", "advisingBank"] as const) expect((await read(world.users[party].ADMIN, draftId)).status, party).toBe(404);
    // An auditor whose grant covers the issuing bank's credits sees no draft.
    expect((await read(world.users.auditor.VIEWER, draftId)).status).toBe(404);
    expect((await read(world.users.applicant.MAKER, "not-a-credit")).status).toBe(404);
  });

  it("refuses an unknown query parameter with 400", async () => {
    const { status, body } = await read(world.users.applicant.MAKER, creditId, "?since=yesterday");
    expect(status).toBe(400);
    expect((body as Refusal).error.fields).toHaveProperty("since");
    expect((body as Refusal).error.message).toBe('Unknown query parameter "since". This endpoint takes no query parameters.');
  });
});

describe("POST /api/v1/credits/{id}/messages", () => {
  it("posts for a party's maker and tells the other parties' users, not the poster's own organisation", async () => {
    const before = await db().notification.count({ where: { creditId } });
    const { status, body } = await post(await tokenOf(world.users.advisingBank.MAKER), JSON.stringify({ body: "Advised today." }));
    expect(status).toBe(201);
    const posted = body as Posted;
    expect(posted).toMatchObject({ replayed: false, message: { body: "Advised today.", mine: true, organization: { id: world.orgs.advisingBank } } });
    const stored = await db().message.findUniqueOrThrow({ where: { id: posted.message.id } });
    expect(stored).toMatchObject({ authorId: world.users.advisingBank.MAKER.userId, authorOrgId: world.orgs.advisingBank });
    const notified = await db().notification.findMany({ where: { creditId, createdAt: { gte: stored.createdAt } }, select: { userId: true } });
    expect(notified.length).toBeGreaterThan(0);
    expect(await db().notification.count({ where: { creditId } })).toBe(before + notified.length);
    const advisers = (await db().membership.findMany({ where: { organizationId: world.orgs.advisingBank }, select: { userId: true } })).map((m) => m.userId);
    expect(notified.filter((n) => advisers.includes(n.userId))).toEqual([]);
  });

  it("refuses, changing nothing: a viewer (403), an outsider (404), an auditor and a read-only token (403)", async () => {
    const before = await count();
    const message = JSON.stringify({ body: "Let me in." });
    const viewer = await post(await tokenOf(world.users.issuingBank.VIEWER), message);
    expect(viewer.status).toBe(403);
    expect((viewer.body as Refusal).error.message).toMatch(/Viewers can read the thread but not post/);
    for (const outsider of [world.users.otherBank.ADMIN, world.users.otherCorporate.MAKER]) expect((await post(await tokenOf(outsider), message)).status).toBe(404);
    // An auditor's token only reads (lib/api/tokens.ts), even one whose row was minted with act.
    expect((await post(await tokenOf(world.users.auditor.ADMIN, ["read"]), message)).status).toBe(403);
    expect((await post(await tokenOf(world.users.auditor.ADMIN), message)).status).toBe(403);
    const readOnly = await post(await tokenOf(world.users.applicant.ADMIN, ["read"]), message);
    expect(readOnly.status).toBe(403);
    expect((readOnly.body as Refusal).error.message).toMatch(/may not take steps or change anything/);
    // A party of a draft not yet shared with it.
    expect((await post(await tokenOf(world.users.beneficiary.MAKER), message, { id: draftId })).status).toBe(404);
    expect(await count()).toBe(before);
    expect(await count(draftId)).toBe(0);
  });

  it.each([
    ["an empty message", JSON.stringify({ body: "   " }), 400, "body"],
    ["a message over 4,000 characters", JSON.stringify({ body: "x".repeat(4001) }), 400, "body"],
    ["a body that is not text", JSON.stringify({ body: 42 }), 400, "body"],
    ["no body field", JSON.stringify({ text: "hello" }), 400, "text"],
    ["an unknown field beside the body", JSON.stringify({ body: "hello", author: "someone else" }), 400, "author"],
    ["malformed JSON", "{ body: hello", 400, null],
  ])("refuses %s with a clear 400 and posts nothing", async (_name, payload, expected, field) => {
    const before = await count();
    const { status, body } = await post(await tokenOf(world.users.applicant.MAKER), payload);
    expect(status).toBe(expected);
    const { error } = body as Refusal;
    expect(error.code).toBe("INVALID_REQUEST");
    if (field) expect(Object.keys(error.fields ?? {})).toContain(field);
    expect(await count()).toBe(before);
  });

  it("refuses a body that is not JSON with 415", async () => {
    const { status } = await post(await tokenOf(world.users.applicant.MAKER), "hello", { type: "text/plain" });
    expect(status).toBe(415);
  });

  it("replays a retry with the same Idempotency-Key, and refuses the key with another text, another credit or after an action (422)", async () => {
    const token = await tokenOf(world.users.beneficiary.MAKER);
    const before = await count();
    const first = await post(token, JSON.stringify({ body: "Documents go out on Monday." }), { key: "msg-retry-0001" });
    expect(first.status).toBe(201);
    const again = await post(token, JSON.stringify({ body: "Documents go out on Monday." }), { key: "msg-retry-0001" });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replayed: true, message: { id: (first.body as Posted).message.id } });
    expect(await count()).toBe(before + 1);

    const otherText = await post(token, JSON.stringify({ body: "Documents go out on Tuesday." }), { key: "msg-retry-0001" });
    expect(otherText.status).toBe(422);
    expect((otherText.body as Refusal).error).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", message: expect.stringMatching(/different body/) });
    const otherCredit = (await creditIn(world, "ADVISED")).creditId;
    const elsewhere = await post(token, JSON.stringify({ body: "Documents go out on Monday." }), { key: "msg-retry-0001", id: otherCredit });
    expect(elsewhere.status).toBe(422);
    expect((elsewhere.body as Refusal).error.message).toMatch(/another credit/);
    expect(await count()).toBe(before + 1);
    expect(await count(otherCredit)).toBe(0);

    // A key spent on a lifecycle step is not a message's, and a message's key is not a step's.
    const stepKey = "msg-step-0001";
    const step = await actionRoute(
      new Request(`http://localhost/api/v1/credits/${otherCredit}/actions/requestCancellation`, { method: "POST", headers: { authorization: `Bearer ${await tokenOf(world.users.applicant.MAKER)}`, "content-type": "application/json", "idempotency-key": stepKey }, body: JSON.stringify({ input: { reason: "Goods no longer needed" } }) }),
      { params: Promise.resolve({ creditId: otherCredit, action: "requestCancellation" }) },
    );
    expect(step.status).toBe(200);
    const afterStep = await post(await tokenOf(world.users.applicant.MAKER), JSON.stringify({ body: "hello" }), { key: stepKey, id: otherCredit });
    expect(afterStep.status).toBe(422);
    expect((afterStep.body as Refusal).error.message).toMatch(/another action \(requestCancellation\)/);
    const messageKeyOnStep = await actionRoute(
      new Request(`http://localhost/api/v1/credits/${creditId}/actions/requestCancellation`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": "msg-retry-0001" }, body: JSON.stringify({ input: { reason: "Goods no longer needed" } }) }),
      { params: Promise.resolve({ creditId, action: "requestCancellation" }) },
    );
    expect(messageKeyOnStep.status).toBe(422);
    expect(await db().amendment.count({ where: { creditId } })).toBe(0);
  });

  it("is the caller's own key: another user's same key posts afresh", async () => {
    const before = await count();
    for (const actor of [world.users.applicant.MAKER, world.users.applicant.ADMIN]) {
      expect((await post(await tokenOf(actor), JSON.stringify({ body: "Same key, two people." }), { key: "msg-shared-key-01" })).status).toBe(201);
    }
    expect(await count()).toBe(before + 2);
  });
});
