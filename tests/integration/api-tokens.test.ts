import { beforeAll, describe, expect, it } from "vitest";
import { GET as listCreditsRoute, POST as createCreditRoute } from "@/app/api/v1/credits/route";
import { POST as actionRoute } from "@/app/api/v1/credits/[creditId]/actions/[action]/route";
import { POST as uploadRoute } from "@/app/api/v1/credits/[creditId]/presentations/[presentationId]/documents/route";
import { actorFromBearer, createApiToken, mintApiToken, revokeApiToken } from "@/lib/api/tokens";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn } from "./support/world";

// Per-organisation API tokens: a token acts as its creator, in its organisation, with the roles
// the membership has now (not when the token was made); revoked or orphaned tokens are refused.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "succeeded",
    (error: unknown) => (error instanceof AppError ? error.code : `crashed: ${String(error)}`),
  );

describe("API tokens", () => {
  it("acts as the token's user in its organisation, with current roles", async () => {
    const maker = world.users.issuingBank.MAKER;
    const { token } = await createApiToken(maker, "Back office");
    expect(await actorFromBearer(`Bearer ${token}`)).toMatchObject({ userId: maker.userId, organizationId: maker.organizationId, roles: ["MAKER"], organizationKind: "BANK" });
    await db().membership.updateMany({ where: { userId: maker.userId }, data: { roles: ["MAKER", "VIEWER"] } });
    expect((await actorFromBearer(`Bearer ${token}`))?.roles).toEqual(["MAKER", "VIEWER"]);
  });

  it("ignores requests without a bearer token and refuses unknown, revoked or orphaned tokens", async () => {
    expect(await actorFromBearer(null)).toBeNull();
    expect(await actorFromBearer("Basic abc")).toBeNull();
    expect(await codeOf(actorFromBearer(`Bearer tt_${"x".repeat(43)}`))).toBe("UNAUTHENTICATED");

    const checker = world.users.issuingBank.CHECKER;
    const revoked = await createApiToken(checker, "To revoke");
    await revokeApiToken(checker, revoked.id);
    expect(await codeOf(actorFromBearer(`Bearer ${revoked.token}`))).toBe("UNAUTHENTICATED");

    const admin = world.users.beneficiary.ADMIN;
    const orphan = await createApiToken(admin, "Orphaned");
    await db().membership.deleteMany({ where: { userId: admin.userId } });
    expect(await codeOf(actorFromBearer(`Bearer ${orphan.token}`))).toBe("UNAUTHENTICATED");
  });

  it("reads the auth scheme in any case (RFC 7235): bearer and BEARER work like Bearer", async () => {
    const maker = world.users.issuingBank.MAKER;
    const { token } = await createApiToken(maker, "Any case");
    for (const scheme of ["Bearer", "bearer", "BEARER", "bEaReR"]) {
      expect(await actorFromBearer(`${scheme} ${token}`), scheme).toMatchObject({ userId: maker.userId });
      const listed = await listCreditsRoute(new Request("http://localhost/api/v1/credits", { headers: { authorization: `${scheme} ${token}` } }), { params: Promise.resolve({}) });
      expect(listed.status, scheme).toBe(200);
    }
    // The token itself is case-sensitive: only the scheme is not.
    expect(await codeOf(actorFromBearer(`Bearer tt_${token.slice(3).toUpperCase()}`))).toBe("UNAUTHENTICATED");
    expect(await actorFromBearer(`Basic ${token}`)).toBeNull();
  });

  it("lets only an administrator create a token that acts, with known scopes and 1 to 365 days, creating nothing when refused", async () => {
    const maker = world.users.issuingBank.MAKER;
    const admin = world.users.issuingBank.ADMIN;
    const count = () => db().apiToken.count({ where: { organizationId: maker.organizationId } });
    const before = await count();
    expect(await codeOf(createApiToken(maker, "Acting", { scopes: ["read", "act"] }))).toBe("FORBIDDEN");
    for (const scopes of [[], ["root"], ["read", "admin"]]) expect(await codeOf(createApiToken(admin, "Odd scopes", { scopes })), JSON.stringify(scopes)).toBe("INVALID_REQUEST");
    for (const days of [0, 366, 1.5, -3]) expect(await codeOf(createApiToken(admin, "Odd days", { scopes: ["read"], days })), String(days)).toBe("INVALID_REQUEST");
    expect(await count()).toBe(before);

    const now = new Date("2026-12-01T09:00:00Z");
    const uploads = await createApiToken(maker, "Scanner", { scopes: ["upload", "read", "upload"] }, now);
    expect(uploads.expiresAt).toEqual(new Date("2027-03-01T09:00:00Z")); // 90 days by default
    const acting = await createApiToken(admin, "Back office", { scopes: ["read", "act"], days: 365 }, now);
    expect(acting.expiresAt).toEqual(new Date("2027-12-01T09:00:00Z"));
    const stored = await db().apiToken.findMany({ where: { id: { in: [uploads.id, acting.id] } }, orderBy: { name: "asc" } });
    expect(stored.map((t) => [t.name, t.scopes])).toEqual([["Back office", ["read", "act"]], ["Scanner", ["upload", "read"]]]);
  });

  it("lets any auditor create a read-only token, and no auditor a token that acts or uploads", async () => {
    for (const role of ["VIEWER", "ADMIN"] as const) {
      const auditor = world.users.auditor[role];
      const created = await createApiToken(auditor, `Audit ${role}`, { scopes: ["read"] });
      expect(await actorFromBearer(`Bearer ${created.token}`)).toMatchObject({ userId: auditor.userId, organizationKind: "AUDITOR", apiTokenScopes: ["read"] });
      for (const scopes of [["read", "act"], ["upload"], ["read", "upload"]]) {
        const refused = createApiToken(auditor, "Too much", { scopes });
        await expect(refused, `${role} ${scopes.join("+")}`).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/auditor.*read/i) });
      }
    }
    expect(await db().apiToken.count({ where: { organizationId: world.orgs.auditor } })).toBe(2);
  });

  it("refuses an expired token with the day it expired, and the database refuses unknown scopes", async () => {
    const admin = world.users.applicant.ADMIN;
    const { token } = await mintApiToken({ userId: admin.userId, organizationId: admin.organizationId, name: "Old", scopes: ["read"], expiresAt: new Date("2026-06-30T12:00:00Z") });
    await expect(actorFromBearer(`Bearer ${token}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining("expired on 2026-06-30") });
    const live = await mintApiToken({ userId: admin.userId, organizationId: admin.organizationId, name: "Live", scopes: ["read"], expiresAt: new Date(Date.now() + 60_000) });
    expect(await actorFromBearer(`Bearer ${live.token}`)).toMatchObject({ userId: admin.userId, apiTokenScopes: ["read"] });
    await expect(db().apiToken.update({ where: { id: live.id }, data: { scopes: ["read", "root"] } })).rejects.toThrow(/api_tokens_scopes_known/);
    await expect(db().apiToken.update({ where: { id: live.id }, data: { scopes: [] } })).rejects.toThrow(/api_tokens_scopes_known/);
    await expect(db().$executeRaw`UPDATE api_tokens SET scopes = NULL WHERE id = ${live.id}::uuid`).rejects.toThrow(/api_tokens_scopes_known/);
  });

  it("does only what its scopes allow: a read token reads and changes nothing, an acting one cannot upload", async () => {
    const { creditId } = await creditIn(world, "SUBMITTED");
    const maker = world.users.issuingBank.MAKER;
    const mint = async (scopes: ("read" | "act" | "upload")[]) =>
      (await mintApiToken({ userId: maker.userId, organizationId: maker.organizationId, name: scopes.join("+"), scopes, expiresAt: new Date(Date.now() + 60_000) })).token;
    const reader = await mint(["read"]);
    const actor = await mint(["read", "act"]);
    const call = (token: string, method: string, url: string, body?: BodyInit) =>
      new Request(`http://localhost${url}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": body instanceof ReadableStream ? "application/octet-stream" : "application/json" }, body, duplex: "half" } as RequestInit);
    const creditsBefore = await db().credit.count();
    const eventsBefore = await db().creditEvent.count({ where: { creditId } });

    expect((await listCreditsRoute(call(reader, "GET", "/api/v1/credits"), { params: Promise.resolve({}) })).status).toBe(200);
    const created = await createCreditRoute(call(reader, "POST", "/api/v1/credits", "{}"), { params: Promise.resolve({}) });
    expect(created.status).toBe(403);
    expect(((await created.json()) as { error: { message: string } }).error.message).toMatch(/may not take steps or change anything: it has the read scope/);
    const acted = await actionRoute(call(reader, "POST", `/api/v1/credits/${creditId}/actions/prepareIssuance`, JSON.stringify({ input: { creditNumber: "LC-SCOPE-0001", bankConditions: "" } })), { params: Promise.resolve({ creditId, action: "prepareIssuance" }) });
    expect(acted.status).toBe(403);

    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 20) controller.close();
        else controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const presentationId = "0193a1b2-0000-7000-8000-0000000000ff";
    const uploaded = await uploadRoute(call(actor, "POST", `/api/v1/credits/${creditId}/presentations/${presentationId}/documents?kind=COMMERCIAL_INVOICE`, body), { params: Promise.resolve({ creditId, presentationId }) });
    expect(uploaded.status).toBe(403);
    expect(((await uploaded.json()) as { error: { message: string } }).error.message).toMatch(/may not upload documents/);
    expect(pulled).toBeLessThanOrEqual(2);

    expect(await db().credit.count()).toBe(creditsBefore);
    expect(await db().creditEvent.count({ where: { creditId } })).toBe(eventsBefore);
    // The acting token does take the step the read token could not.
    const issuance = JSON.stringify({ input: { creditNumber: "LC-SCOPE-0001", bankConditions: "" } });
    const done = await actionRoute(call(actor, "POST", `/api/v1/credits/${creditId}/actions/prepareIssuance`, issuance), { params: Promise.resolve({ creditId, action: "prepareIssuance" }) });
    expect(done.status).toBe(200);
    expect(await db().creditEvent.count({ where: { creditId } })).toBeGreaterThan(eventsBefore);
  });
});
