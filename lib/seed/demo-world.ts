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
}

export const DEMO_ORGANIZATIONS = [
  { key: "issuingBank", name: "Merlion Trade Bank", kind: "BANK", bic: "MTBKSGSGXXX", country: "SG", address: "8 Marina View, Singapore 018960" },
  { key: "advisingBank", name: "Rotterdam Maritime Bank", kind: "BANK", bic: "RMBKNL2RXXX", country: "NL", address: "Coolsingel 104, 3011 AG Rotterdam" },
  { key: "applicant", name: "Lion City Engineering Pte Ltd", kind: "CORPORATE", country: "SG", address: "21 Tuas Avenue 3, Singapore 639413" },
  { key: "beneficiary", name: "Delta Pumps B.V.", kind: "CORPORATE", country: "NL", address: "Waalhaven Zuidzijde 19, 3089 JH Rotterdam" },
  { key: "auditor", name: "Veritas Trade Assurance LLP", kind: "AUDITOR", country: "GB", address: "1 Lothbury, London EC2R 7DB" },
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
] as const satisfies readonly { email: string; name: string; org: DemoOrganizationKey; roles: readonly MemberRole[]; role: string }[];

