import { beforeAll, describe, expect, it } from "vitest";
import { POST as takeAction } from "@/app/api/v1/credits/[creditId]/actions/[action]/route";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { performAction } from "@/lib/lifecycle/perform";
import { sampleTerms } from "@/lib/terms/sample";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn, snapshot } from "./support/world";
import { tokenFor } from "./support/tokens";

// Bug 4: a credit was issued with its expiry date already past. Neither the maker's preparation
// nor the checker's approval may issue a credit (or an amendment to its dates) whose expiry date
// (31D) or latest shipment date (44C) is past, "today" being the UTC business day of `now`.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const DAY = 86_400_000;
const isoDaysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "succeeded",
    (error: unknown) => (error instanceof AppError ? `${error.code}: ${error.message}` : `crashed: ${String(error)}`),
  );

describe("issuing a credit whose dates are past", () => {
  it("is refused over the API with a 400 that names the date, and changes nothing", async () => {
    const past = { expiryDate: isoDaysAgo(1), latestShipmentDate: isoDaysAgo(10) };
    const { creditId } = await creditIn(world, "SUBMITTED", { terms: past });
    const token = await tokenFor(world.users.issuingBank.MAKER);
    const before = await snapshot(creditId);

    const request = new Request(`http://localhost/api/v1/credits/${creditId}/actions/prepareIssuance`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ input: { creditNumber: "LC-PAST-0001", bankConditions: "" } }),
    });
    const response = await takeAction(request, { params: Promise.resolve({ creditId, action: "prepareIssuance" }) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string; fields: Record<string, string> } };
    expect(body.error.code).toBe("INVALID_REQUEST");
    expect(body.error.message).toContain(`The expiry date (31D) ${past.expiryDate} is in the past`);
    expect(Object.keys(body.error.fields).sort()).toEqual(["expiryDate", "latestShipmentDate"]);
    expect(await snapshot(creditId)).toBe(before);
  });

  it("is refused at the checker's approval when the dates passed while it waited, and changes nothing", async () => {
    const { creditId } = await creditIn(world, "ISSUANCE_PENDING");
    const terms = sampleTerms();
    const before = await snapshot(creditId);
    const dayAfterExpiry = new Date(Date.parse(`${terms.expiryDate}T00:00:00Z`) + DAY);
    expect(await codeOf(performAction({ actor: world.users.issuingBank.CHECKER, action: "approveIssuance", creditId, now: dayAfterExpiry }))).toMatch(
      /^INVALID_REQUEST: The credit cannot be issued: The expiry date \(31D\) .* is in the past/,
    );
    // The latest shipment date alone past is enough to refuse.
    const dayAfterShipment = new Date(Date.parse(`${terms.latestShipmentDate}T00:00:00Z`) + DAY);
    expect(await codeOf(performAction({ actor: world.users.issuingBank.CHECKER, action: "approveIssuance", creditId, now: dayAfterShipment }))).toMatch(
      /^INVALID_REQUEST: .*latest shipment date \(44C\) .* is in the past/,
    );
    expect(await snapshot(creditId)).toBe(before);
  });

  it("issues on the last day the dates allow (today is the UTC business day of `now`)", async () => {
    const terms = sampleTerms();
    const { creditId } = await creditIn(world, "SUBMITTED");
    // 23:59 UTC on the latest shipment date: still that day, so still issuable.
    const lastMoment = new Date(`${terms.latestShipmentDate}T23:59:59Z`);
    await performAction({ actor: world.users.issuingBank.MAKER, action: "prepareIssuance", creditId, input: { creditNumber: "LC-LASTDAY-01" }, now: lastMoment });
    const issued = await performAction({ actor: world.users.issuingBank.CHECKER, action: "approveIssuance", creditId, now: lastMoment });
    expect(issued.creditStatus).toBe("ISSUED");
  });
});

describe("amending a credit's dates into the past", () => {
  it("is refused when requested with a past expiry date, and changes nothing", async () => {
    const { creditId } = await creditIn(world, "ADVISED");
    const before = await snapshot(creditId);
    const terms = sampleTerms({ expiryDate: isoDaysAgo(2), latestShipmentDate: isoDaysAgo(3) });
    expect(await codeOf(performAction({ actor: world.users.applicant.MAKER, action: "requestAmendment", creditId, input: { terms, note: "Backdate" } }))).toMatch(
      /^INVALID_REQUEST: The amendment cannot be issued: The expiry date \(31D\)/,
    );
    expect(await snapshot(creditId)).toBe(before);
  });

  it("is refused at issuance when the amended expiry date passed meanwhile; other amendments are unaffected", async () => {
    const { creditId } = await creditIn(world, "ADVISED");
    const terms = sampleTerms();
    const extended = new Date(Date.parse(`${terms.expiryDate}T00:00:00Z`) + 30 * DAY).toISOString().slice(0, 10);
    const requested = await performAction({
      actor: world.users.applicant.MAKER,
      action: "requestAmendment",
      creditId,
      input: { terms: { ...terms, expiryDate: extended }, note: "Extend expiry" },
    });
    const amendmentId = requested.subjectId!;
    await performAction({ actor: world.users.issuingBank.MAKER, action: "prepareAmendment", creditId, subjectId: amendmentId, input: {} });
    const before = await snapshot(creditId);
    const afterExtendedExpiry = new Date(Date.parse(`${extended}T00:00:00Z`) + DAY);
    expect(await codeOf(performAction({ actor: world.users.issuingBank.CHECKER, action: "approveAmendment", creditId, subjectId: amendmentId, now: afterExtendedExpiry }))).toMatch(
      /^INVALID_REQUEST: Amendment 1 cannot be issued: The expiry date \(31D\) .* is in the past/,
    );
    expect(await snapshot(creditId)).toBe(before);
    // The unchanged latest shipment date is not the amendment's business: only changed dates are judged.
    const dayAfterShipment = new Date(Date.parse(`${terms.latestShipmentDate}T00:00:00Z`) + DAY);
    const approved = await performAction({ actor: world.users.issuingBank.CHECKER, action: "approveAmendment", creditId, subjectId: amendmentId, now: dayAfterShipment });
    expect(approved.subjectStatus).toBe("ISSUED");
    expect(await db().amendment.count({ where: { creditId, status: "ISSUED" } })).toBe(1);
  });
});
