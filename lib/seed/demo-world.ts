import type { MemberRole, OrganizationKind } from "@/lib/generated/prisma/enums";

// The demo world `npm start` creates: an import into Singapore of pumps from Rotterdam, with
// the buyer's bank issuing, the seller's bank advising, and an audit firm. Plain data, so the
// end-to-end tests can read it without a database.

export const DEMO_PASSWORD = "TradeTrail-demo-2026";

interface DemoOrganization {
  key: string;
  name: string;
  kind: OrganizationKind;
  bic?: string;
  country: string;
  address: string;
  /** Banks: where they receive presentations (lib/calendar/presentation-day.ts). */
  timeZone?: string;
}

export const DEMO_ORGANIZATIONS = [
  { key: "issuingBank", name: "Merlion Trade Bank", kind: "BANK", bic: "MTBKSGSGXXX", country: "SG", address: "8 Marina View, Singapore 018960", timeZone: "Asia/Singapore" },
  { key: "advisingBank", name: "Rotterdam Maritime Bank", kind: "BANK", bic: "RMBKNL2RXXX", country: "NL", address: "Coolsingel 104, 3011 AG Rotterdam", timeZone: "Europe/Amsterdam" },
  { key: "applicant", name: "Lion City Engineering Pte Ltd", kind: "CORPORATE", country: "SG", address: "21 Tuas Avenue 3, Singapore 639413" },
  { key: "beneficiary", name: "Delta Pumps B.V.", kind: "CORPORATE", country: "NL", address: "Waalhaven Zuidzijde 19, 3089 JH Rotterdam" },
  { key: "auditor", name: "Veritas Trade Assurance LLP", kind: "AUDITOR", country: "GB", address: "1 Lothbury, London EC2R 7DB" },
  // The platform operator, whose administrator onboards new organisations (lib/organizations/onboarding.ts).
  { key: "operator", name: "TradeTrail operations", kind: "OPERATOR", country: "ZZ", address: "" },
] as const satisfies readonly DemoOrganization[];

export type DemoOrganizationKey = (typeof DEMO_ORGANIZATIONS)[number]["key"];

export const DEMO_USERS = [
  { email: "maker@merlion.example", name: "Maya Tan", org: "issuingBank", roles: ["MAKER"], role: "Issuing bank maker" },
  { email: "checker@merlion.example", name: "Daniel Lim", org: "issuingBank", roles: ["CHECKER", "ADMIN"], role: "Issuing bank checker (and admin)" },
  { email: "maker@rotterdam-maritime.example", name: "Sanne de Vries", org: "advisingBank", roles: ["MAKER"], role: "Advising bank maker" },
  { email: "checker@rotterdam-maritime.example", name: "Pieter Bakker", org: "advisingBank", roles: ["CHECKER", "ADMIN"], role: "Advising bank checker (and admin)" },
  { email: "buyer@lioncity.example", name: "Wei Ling Ong", org: "applicant", roles: ["MAKER", "ADMIN"], role: "Importer (applicant)" },
  { email: "seller@deltapumps.example", name: "Joost Visser", org: "beneficiary", roles: ["MAKER", "ADMIN"], role: "Exporter (beneficiary)" },
  { email: "auditor@veritas.example", name: "Amelia Hart", org: "auditor", roles: ["VIEWER"], role: "Auditor" },
  { email: "platform@tradetrail.example", name: "Priya Raman", org: "operator", roles: ["ADMIN"], role: "Platform administrator (onboards organisations)" },
] as const satisfies readonly { email: string; name: string; org: DemoOrganizationKey; roles: readonly MemberRole[]; role: string }[];


/**
 * The credits `npm start` creates when SEED_DEMO is on: one per state a newcomer should be able
 * to open, each walked through the real lifecycle (lib/seed/demo-credits.ts). `state` is what the
 * credit (and, where it matters, its latest amendment or presentation) shows once seeded.
 */
export const DEMO_SCENARIOS = [
  { key: "drafting", title: "Drafting", goods: "8 units submersible drainage pumps, model DP-120", state: { credit: "DRAFT" } },
  { key: "negotiating", title: "Negotiating", goods: "12 units booster pump sets, model DP-300", state: { credit: "WITH_APPLICANT" } },
  { key: "issuance-approval", title: "Awaiting issuance approval", goods: "6 units fire-fighting pump skids, model DP-FF6", state: { credit: "ISSUANCE_PENDING" } },
  { key: "issued", title: "Issued", goods: "20 units dosing pumps, model DP-D20", state: { credit: "ISSUED" } },
  { key: "confirmed", title: "Advised and confirmed", goods: "4 units high-pressure descaling pumps, model DP-HP4", state: { credit: "ADVISED", confirmed: true } },
  { key: "amended", title: "Amended", goods: "16 units centrifugal pumps, model DP-250", state: { credit: "ADVISED", amendment: "ACCEPTED" } },
  { key: "compliant", title: "Presented, complying", goods: "24 units industrial centrifugal pumps, model DP-450", state: { credit: "ADVISED", presentation: "COMPLIANT" } },
  { key: "discrepant", title: "Discrepant, awaiting waiver", goods: "10 units slurry pumps, model DP-S10", state: { credit: "ADVISED", presentation: "DISCREPANT" } },
  { key: "refused", title: "Refused", goods: "30 units vacuum pumps, model DP-V30", state: { credit: "ADVISED", presentation: "REFUSED" } },
  { key: "paid", title: "Paid (first drawing)", goods: "40 units circulation pumps, model DP-C40, in two shipments", state: { credit: "ADVISED", presentation: "PAID" } },
  { key: "settled", title: "Settled", goods: "18 units marine ballast pumps, model DP-M18", state: { credit: "SETTLED", presentation: "PAID" } },
  { key: "expired", title: "Expired", goods: "2 units test-bench pumps, model DP-T2", state: { credit: "EXPIRED" } },
  { key: "cancelled", title: "Cancelled", goods: "14 units chemical process pumps, model DP-CP14", state: { credit: "CANCELLED", amendment: "ACCEPTED" } },
] as const satisfies readonly {
  key: string;
  title: string;
  goods: string;
  state: { credit: string; amendment?: string; presentation?: string; confirmed?: boolean };
}[];

export type DemoScenarioKey = (typeof DEMO_SCENARIOS)[number]["key"];

/** The idempotency key of a scenario's first step (the buyer's createCredit): its stored result names the credit. */
export const demoStepKey = (scenario: string, step: number) => `demo-${scenario}-${String(step).padStart(2, "0")}`;

/** The demo users' sign-in addresses by the part they play: one list for the seed walks and the e2e tests. */
export const DEMO_EMAILS = {
  buyer: "buyer@lioncity.example",
  seller: "seller@deltapumps.example",
  issuingMaker: "maker@merlion.example",
  issuingChecker: "checker@merlion.example",
  advisingMaker: "maker@rotterdam-maritime.example",
  advisingChecker: "checker@rotterdam-maritime.example",
  auditor: "auditor@veritas.example",
  platformAdmin: "platform@tradetrail.example",
} as const satisfies Record<string, (typeof DEMO_USERS)[number]["email"]>;
