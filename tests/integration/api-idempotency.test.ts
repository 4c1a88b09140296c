import { beforeAll, describe, expect, it } from "vitest";
import { POST as actionRoute } from "@/app/api/v1/credits/[creditId]/actions/[action]/route";
import { db } from "@/lib/db/client";
import { performAction } from "@/lib/lifecycle/perform";
import { useTestDatabase } from "./support/database";
import { tokenFor } from "./support/tokens";
import { type World, createWorld, creditIn } from "./support/world";

// An Idempotency-Key is scoped to its caller and to the request it was first used for (issue 15):
// the same request again replays the first result; the key on another credit, another action or
// with another body is refused with 422 and changes nothing, instead of replaying a result that
// belongs to a different request.

useTestDatabase();
let world: World;
let token: string;
beforeAll(async () => {
  world = await createWorld();
  token = await tokenFor(world.users.issuingBank.MAKER);
});

type Body = { replayed?: boolean; creditId?: string; creditStatus?: string; error?: { code: string; message: string } };

async function act(creditId: string, action: string, body: unknown, key: string, auth = token) {
  const request = new Request(`http://localhost/api/v1/credits/${creditId}/actions/${action}`, {
    method: "POST",
    headers: { authorization: `Bearer ${auth}`, "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(body),
  });
  const response = await actionRoute(request, { params: Promise.resolve({ creditId, action }) });
  return { status: response.status, body: (await response.json()) as Body };
}

const issuance = (creditNumber: string) => ({ input: { creditNumber, bankConditions: "" } });
const statusOf = async (creditId: string) => (await db().credit.findUniqueOrThrow({ where: { id: creditId } })).status;

describe("Idempotency-Key", () => {
  it("replays the first result for the same request, however its JSON is laid out", async () => {
    const { creditId } = await creditIn(world, "SUBMITTED");
    const first = await act(creditId, "prepareIssuance", issuance("LC-IDEM-0001"), "key-same-request-1");
    expect(first.status).toBe(200);
    expect(first.body.replayed).toBeUndefined();
    const again = await act(creditId, "prepareIssuance", { input: { bankConditions: "", creditNumber: "LC-IDEM-0001" } }, "key-same-request-1");
    expect(again).toEqual({ status: 200, body: { ...first.body, replayed: true } });
    expect(await db().creditEvent.count({ where: { creditId, action: "prepareIssuance" } })).toBe(1);
  });

  it("refuses the key on another credit with 422, and leaves that credit alone", async () => {
    const a = await creditIn(world, "SUBMITTED");
    const b = await creditIn(world, "SUBMITTED");
    expect((await act(a.creditId, "prepareIssuance", issuance("LC-IDEM-0002"), "key-other-credit")).status).toBe(200);
    const reused = await act(b.creditId, "prepareIssuance", issuance("LC-IDEM-0002"), "key-other-credit");
    expect(reused.status).toBe(422);
    expect(reused.body.error).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", message: expect.stringMatching(/another credit/) });
    expect(await statusOf(b.creditId)).toBe("SUBMITTED");
  });

  it("refuses the key with a different body with 422", async () => {
    const { creditId } = await creditIn(world, "SUBMITTED");
    expect((await act(creditId, "prepareIssuance", issuance("LC-IDEM-0003"), "key-other-body")).status).toBe(200);
    const reused = await act(creditId, "prepareIssuance", issuance("LC-IDEM-9999"), "key-other-body");
    expect(reused.status).toBe(422);
    expect(reused.body.error).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", message: expect.stringMatching(/different body/) });
    expect((await db().credit.findUniqueOrThrow({ where: { id: creditId } })).creditNumber).not.toBe("LC-IDEM-9999");
  });

  it("refuses the key on another route (another action) with 422", async () => {
    const a = await creditIn(world, "SUBMITTED");
    const b = await creditIn(world, "SUBMITTED");
    expect((await act(a.creditId, "prepareIssuance", issuance("LC-IDEM-0004"), "key-other-route")).status).toBe(200);
    const reused = await act(b.creditId, "returnApplication", { input: { reason: "Please add the insurance clause" } }, "key-other-route");
    expect(reused.status).toBe(422);
    expect(reused.body.error).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", message: expect.stringMatching(/prepareIssuance/) });
    expect(await statusOf(b.creditId)).toBe("SUBMITTED");
  });

  it("is the caller's own: another user's same key acts afresh", async () => {
    const a = await creditIn(world, "SUBMITTED");
    const b = await creditIn(world, "SUBMITTED");
    expect((await act(a.creditId, "prepareIssuance", issuance("LC-IDEM-0005"), "key-per-caller")).status).toBe(200);
    const other = await tokenFor(world.dualIssuer);
    const theirs = await act(b.creditId, "prepareIssuance", issuance("LC-IDEM-0006"), "key-per-caller", other);
    expect(theirs.status).toBe(200);
    expect(theirs.body.replayed).toBeUndefined();
    expect(await statusOf(b.creditId)).toBe("ISSUANCE_PENDING");
  });

  it("replays a double-submitted form in the pages too, and refuses a form whose input changed", async () => {
    const { creditId } = await creditIn(world, "SUBMITTED");
    const maker = world.users.issuingBank.MAKER;
    const submit = (creditNumber: string) => performAction({ actor: maker, action: "prepareIssuance", creditId, input: { creditNumber, bankConditions: "" }, idempotencyKey: "form-5c1d0e77" });
    const first = await submit("LC-IDEM-0007");
    expect(await submit("LC-IDEM-0007")).toEqual({ ...first, replayed: true });
    await expect(submit("LC-IDEM-0008")).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", status: 422 });
  });
});
