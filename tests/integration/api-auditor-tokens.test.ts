import { beforeAll, describe, expect, it } from "vitest";
import { GET as listCreditsRoute, POST as createCreditRoute } from "@/app/api/v1/credits/route";
import { GET as getCreditRoute } from "@/app/api/v1/credits/[creditId]/route";
import { POST as actionRoute } from "@/app/api/v1/credits/[creditId]/actions/[action]/route";
import { POST as signingRequestRoute } from "@/app/api/v1/credits/[creditId]/actions/[action]/signing-request/route";
import { GET as messagesRoute, POST as postMessageRoute } from "@/app/api/v1/credits/[creditId]/messages/route";
import { POST as uploadRoute } from "@/app/api/v1/credits/[creditId]/presentations/[presentationId]/documents/route";
import { POST as createWebhookRoute } from "@/app/api/v1/webhooks/route";
import { DELETE as deleteWebhookRoute } from "@/app/api/v1/webhooks/[subscriptionId]/route";
import { POST as requestRunRoute } from "@/app/api/v1/audit/runs/route";
import { actorFromBearer, createApiToken, mintApiToken } from "@/lib/api/tokens";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn, snapshot } from "./support/world";

// Issue 15: "auditors get read-only tokens". An audit firm's token reads what its grants show and
// changes nothing, through any route, even when its row claims more scopes than createApiToken
// ever gives an auditor (a row written by hand, a restored backup): the attacker's view.

useTestDatabase();
let world: World;
let creditId: string;
let presentationId: string;
let subscriptionId: string;
beforeAll(async () => {
  world = await createWorld();
  ({ creditId } = await creditIn(world, "ADVISED", { presentation: "DRAFT" }));
  presentationId = (await db().presentation.findFirstOrThrow({ where: { creditId } })).id;
  await db().auditGrant.create({
    data: { bankId: world.orgs.issuingBank, auditorId: world.orgs.auditor, grantedById: world.users.issuingBank.ADMIN.userId, approvedById: world.users.issuingBank.CHECKER.userId, approvedAt: new Date(), validFrom: new Date(Date.now() - 60_000), validUntil: new Date(Date.now() + 86_400_000) },
  });
  subscriptionId = (await db().webhookSubscription.create({ data: { organizationId: world.orgs.auditor, url: "https://audit.example/hook", eventTypes: ["credit.issued"], secret: "whsec_test" } })).id;
});

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const call = async (route: unknown, token: string, method: string, url: string, params: Record<string, string>, body?: string, type = "application/json") =>
  (route as Route)(new Request(`http://localhost/api/v1${url}`, { method, headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": type } : {}) }, body }), { params: Promise.resolve(params) });

const everything = async () =>
  JSON.stringify({
    credit: await snapshot(creditId),
    credits: await db().credit.count(),
    messages: await db().message.count({ where: { creditId } }),
    webhooks: await db().webhookSubscription.count({ where: { organizationId: world.orgs.auditor } }),
    signingRequests: await db().signingRequest.count(),
  });

describe("an auditor's API token", () => {
  it.each([
    ["made in Settings (read)", async () => (await createApiToken(world.users.auditor.ADMIN, "Audit export", { scopes: ["read"] })).token],
    ["whose row claims read, act and upload", async () => (await mintApiToken({ userId: world.users.auditor.ADMIN.userId, organizationId: world.orgs.auditor, name: "forged", scopes: ["read", "act", "upload"], expiresAt: new Date(Date.now() + 3_600_000) })).token],
  ])("%s reads under its grant and cannot change anything through any route", async (_how, make) => {
    const token = await make();
    expect((await actorFromBearer(`Bearer ${token}`))?.apiTokenScopes).toEqual(["read"]);
    // It reads what the grant shows.
    expect((await call(getCreditRoute, token, "GET", `/credits/${creditId}`, { creditId })).status).toBe(200);
    expect((await call(listCreditsRoute, token, "GET", "/credits", {})).status).toBe(200);
    expect((await call(messagesRoute, token, "GET", `/credits/${creditId}/messages`, { creditId })).status).toBe(200);

    const before = await everything();
    const attempts: [string, Promise<Response>][] = [
      ["draft a credit", call(createCreditRoute, token, "POST", "/credits", {}, JSON.stringify({ beneficiaryId: world.orgs.beneficiary }))],
      ...["requestAmendment", "requestCancellation", "startPresentation", "expireCredit", "addFinding"].map(
        (action) => [`take ${action}`, call(actionRoute, token, "POST", `/credits/${creditId}/actions/${action}`, { creditId, action }, JSON.stringify({ input: { reason: "an auditor's try" } }))] as [string, Promise<Response>],
      ),
      ["ask for a signing request", call(signingRequestRoute, token, "POST", `/credits/${creditId}/actions/requestCancellation/signing-request`, { creditId, action: "requestCancellation" }, JSON.stringify({ input: { reason: "an auditor's try" } }))],
      ["post a message", call(postMessageRoute, token, "POST", `/credits/${creditId}/messages`, { creditId }, JSON.stringify({ body: "An auditor writes." }))],
      ["upload a document", call(uploadRoute, token, "POST", `/credits/${creditId}/presentations/${presentationId}/documents?kind=COMMERCIAL_INVOICE`, { creditId, presentationId }, "%PDF-1.4 fake", "application/octet-stream")],
      ["subscribe a webhook", call(createWebhookRoute, token, "POST", "/webhooks", {}, JSON.stringify({ url: "https://audit.example/other" }))],
      ["delete its firm's webhook", call(deleteWebhookRoute, token, "DELETE", `/webhooks/${subscriptionId}`, { subscriptionId })],
    ];
    for (const [what, attempt] of attempts) {
      const response = await attempt;
      expect(response.status, what).toBe(403);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error, what).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/may not (take steps or change anything|upload documents): it has the read scope/) });
    }
    expect(await everything()).toBe(before);

    // A check changes no credit: the read scope covers it.
    expect((await call(requestRunRoute, token, "POST", "/audit/runs", {})).status).toBe(202);
  });
});
