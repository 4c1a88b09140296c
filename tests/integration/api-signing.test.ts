import { generateKeyPairSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as actionRoute } from "@/app/api/v1/credits/[creditId]/actions/[action]/route";
import { POST as signingRequestRoute } from "@/app/api/v1/credits/[creditId]/actions/[action]/signing-request/route";
import type { Actor } from "@/lib/auth/actor";
import { startSession } from "@/lib/auth/user-sessions";
import { resetConfigCache } from "@/lib/config";
import { db } from "@/lib/db/client";
import { registerApiSigningKey } from "@/lib/signing/api-keys";
import { type SigningRequestAnswer, signStep } from "@/lib/signing/api-client-example";
import { useTestDatabase } from "./support/database";
import { tokenFor } from "./support/tokens";
import { type World, createWorld, creditIn } from "./support/world";

// A back office signs its steps with an API signing key (issue 14, docs/API.md): the key is
// registered from a signed-in browser session only, enters the organisation's key trail, and the
// documented example client's signatures are what the real routes accept.

process.env.AUTH_URL = "http://127.0.0.1:3000";
delete process.env.APP_URL;
resetConfigCache();

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
  await db().organization.updateMany({ where: { id: { in: [world.orgs.applicant, world.orgs.beneficiary, world.orgs.issuingBank, world.orgs.advisingBank] } }, data: { signMilestones: true } });
});

const pem = () => {
  const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { privateKey: pair.privateKey, publicKeyPem: pair.publicKey.export({ type: "spki", format: "pem" }).toString() };
};

async function call(route: typeof actionRoute, path: string, creditId: string, action: string, token: string, body: unknown) {
  const request = new Request(`http://localhost/api/v1/credits/${creditId}/actions/${action}${path}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  const response = await route(request, { params: Promise.resolve({ creditId, action }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
}

async function withKey(actor: Actor) {
  const key = pem();
  const session = { ...actor, sessionId: await startSession({ userId: actor.userId }) };
  const { credentialId } = await registerApiSigningKey({ actor: session, name: "Back office", publicKeyPem: key.publicKeyPem });
  return { keyId: credentialId, privateKey: key.privateKey, counter: 0 };
}

describe("API signing keys", () => {
  it("are registered only from a signed-in browser, as ECDSA P-256 PEM keys, and enter the key trail", async () => {
    const actor = world.users.beneficiary.MAKER;
    await expect(registerApiSigningKey({ actor, name: "Token", publicKeyPem: pem().publicKeyPem })).rejects.toThrow(/signed-in browser/);
    const session = { ...actor, sessionId: await startSession({ userId: actor.userId }) };
    await expect(registerApiSigningKey({ actor: session, name: "Bad", publicKeyPem: "not a key" })).rejects.toThrow(/PEM/);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();
    await expect(registerApiSigningKey({ actor: session, name: "RSA", publicKeyPem: rsa })).rejects.toThrow(/P-256/);
    const { credentialId } = await registerApiSigningKey({ actor: session, name: "Back office", publicKeyPem: pem().publicKeyPem });
    const event = await db().keyEvent.findFirstOrThrow({ where: { organizationId: world.orgs.beneficiary, kind: "KEY_ADDED" }, orderBy: { seq: "desc" } });
    expect(event.content).toMatchObject({ credentialId, algorithm: "ES256", userId: actor.userId, roles: ["MAKER"] });
  });

  it("sign steps through the API with the documented client; unsigned is 428; a wrong key is 403", async () => {
    const beneficiary = world.users.beneficiary.MAKER;
    const key = await withKey(beneficiary);
    const token = await tokenFor(beneficiary);
    const { creditId } = await creditIn(world, "WITH_BENEFICIARY");

    const unsigned = await call(actionRoute, "", creditId, "endorseTerms", token, { input: {} });
    expect(unsigned.status).toBe(428);
    expect(unsigned.body.error?.code).toBe("SIGNATURE_REQUIRED");

    const answer = await call(signingRequestRoute, "/signing-request", creditId, "endorseTerms", token, { input: {} });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ required: true, rpId: "localhost", origin: "http://localhost:3000", statement: { domain: "TradeTrail.SignedStep.v1", creditId } });

    // Signed with another key than the one named: refused, nothing done.
    const stranger = { ...key, privateKey: pem().privateKey, counter: 1 };
    const forged = await call(actionRoute, "", creditId, "endorseTerms", token, { input: {}, signature: signStep(answer.body as unknown as SigningRequestAnswer, stranger) });
    expect(forged.status).toBe(403);
    expect((await db().credit.findUniqueOrThrow({ where: { id: creditId } })).status).toBe("WITH_BENEFICIARY");

    const done = await call(actionRoute, "", creditId, "endorseTerms", token, { input: {}, signature: signStep(answer.body as unknown as SigningRequestAnswer, { ...key, counter: 1 }) });
    expect(done.status).toBe(200);
    const milestone = await db().milestone.findFirstOrThrow({ where: { creditId, seq: 1 } });
    expect(milestone.signatures).toEqual([expect.objectContaining({ role: "actor", credentialId: key.keyId, covers: { from: 1, to: 1 } })]);

    // A step that records nothing needs no signature.
    const submit = await call(signingRequestRoute, "/signing-request", creditId, "submitApplication", await tokenFor(world.users.applicant.MAKER), { input: { comment: "" } });
    expect(submit.body).toEqual({ required: false });
  });

  it("refuse a malformed signature with 400 and an unknown action with 404", async () => {
    const token = await tokenFor(world.users.beneficiary.MAKER);
    const { creditId } = await creditIn(world, "WITH_BENEFICIARY");
    expect((await call(actionRoute, "", creditId, "endorseTerms", token, { input: {}, signature: { requestId: "x" } })).status).toBe(400);
    expect((await call(signingRequestRoute, "/signing-request", creditId, "noSuchAction", token, {})).status).toBe(404);
  });
});
