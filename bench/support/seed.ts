import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { CreditStatus, MemberRole } from "@/lib/generated/prisma/enums";

// Fast seeding in plain SQL (INSERT … SELECT generate_series): benchmarks need tens of thousands
// of rows in seconds, not the lifecycle. Rows satisfy every constraint of the migrations
// (distinct parties, positive amounts, unique references and credit numbers per bank).

export interface Organisations {
  banks: string[];
  corporates: string[];
}

const tag = () => randomBytes(3).toString("hex").toUpperCase();

export async function seedOrganisations(banks: number, corporates: number): Promise<Organisations> {
  if (banks < 2 || corporates < 2) throw new Error("seedOrganisations: a credit needs two banks and two corporates");
  const run = tag();
  const bankRows = await db().$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO organizations (id, name, kind, bic, country)
     SELECT gen_random_uuid(), 'Bench Bank ' || lpad(i::text, 3, '0') || ' ' || $2, 'BANK', 'B' || $2 || lpad(i::text, 4, '0'), 'SG'
       FROM generate_series(1, $1::int) i
     RETURNING id`,
    banks,
    run,
  );
  const corporateRows = await db().$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO organizations (id, name, kind, country)
     SELECT gen_random_uuid(), 'Bench Trading ' || lpad(i::text, 3, '0') || ' ' || $2, 'CORPORATE', 'NL'
       FROM generate_series(1, $1::int) i
     RETURNING id`,
    corporates,
    run,
  );
  return { banks: bankRows.map((r) => r.id), corporates: corporateRows.map((r) => r.id) };
}

/** One user per organisation with `roles`; returns organisation id -> user id. */
export async function seedUsers(organisationIds: readonly string[], roles: MemberRole[]): Promise<Map<string, string>> {
  const run = tag().toLowerCase();
  const rows = await db().$queryRawUnsafe<{ user_id: string; organization_id: string }[]>(
    `WITH orgs AS (SELECT org, ord FROM unnest($1::uuid[]) WITH ORDINALITY AS o(org, ord)),
          users AS (
            INSERT INTO users (id, email, name, password_hash)
            SELECT gen_random_uuid(), 'bench-' || $3 || '-' || ord || '@bench.example', 'Bench user ' || ord, 'not-a-real-hash' FROM orgs
            RETURNING id, email)
     INSERT INTO memberships (id, user_id, organization_id, roles)
     SELECT gen_random_uuid(), u.id, o.org, $2::"MemberRole"[]
       FROM users u JOIN orgs o ON u.email = 'bench-' || $3 || '-' || o.ord || '@bench.example'
     RETURNING user_id, organization_id`,
    organisationIds,
    roles,
    run,
  );
  return new Map(rows.map((r) => [r.organization_id, r.user_id]));
}

export const ALL_STATUSES: readonly CreditStatus[] = [
  "DRAFT",
  "WITH_BENEFICIARY",
  "WITH_APPLICANT",
  "AGREED",
  "SUBMITTED",
  "ISSUANCE_PENDING",
  "ISSUED",
  "ADVISED",
  "SETTLED",
  "EXPIRED",
  "CANCELLED",
  "WITHDRAWN",
];

/**
 * `count` credits between the given organisations, parties rotating so that every organisation
 * takes part in about the same number; statuses cycle through `statuses`, with the sharing,
 * submission and issuance timestamps each status implies (they decide who sees the credit).
 * updated_at is spread over the last year. Returns the new credits' ids.
 */
export async function seedCredits(count: number, orgs: Organisations, statuses: readonly CreditStatus[] = ["ADVISED"]): Promise<string[]> {
  const run = tag();
  const rows = await db().$queryRawUnsafe<{ id: string }[]>(
    `WITH p AS (SELECT $2::uuid[] AS banks, $3::uuid[] AS corps, $4::"CreditStatus"[] AS statuses),
     g AS (
       SELECT i, p.banks, p.corps,
              p.statuses[1 + (i * 7) % cardinality(p.statuses)] AS status,
              cardinality(p.banks) AS nb, cardinality(p.corps) AS nc
         FROM generate_series(0, $1::int - 1) i, p)
     INSERT INTO credits (id, reference, credit_number, status, applicant_id, beneficiary_id, issuing_bank_id, advising_bank_id,
                          confirming_bank_id, currency, amount, expiry_date, confirmed, created_at, updated_at,
                          shared_at, submitted_at, issued_at)
     SELECT gen_random_uuid(),
            'TT-B' || $5 || '-' || lpad(i::text, 7, '0'),
            CASE WHEN status IN ('ISSUED', 'ADVISED', 'SETTLED', 'EXPIRED', 'CANCELLED') THEN 'LC' || $5 || lpad(i::text, 7, '0') END,
            status,
            corps[1 + i % nc],
            corps[1 + (i + 1 + (i / nc) % (nc - 1)) % nc],
            banks[1 + i % nb],
            banks[1 + (i + 1 + (i / nb) % (nb - 1)) % nb],
            NULL,
            (ARRAY['USD', 'EUR', 'SGD'])[1 + i % 3],
            1000 + (i % 250000) * 4.5,
            current_date + (30 + i % 400),
            false,
            now() - make_interval(secs => 400 * 86400 - i % 1000),
            now() - make_interval(secs => (hashtext(i::text)::bigint & 2147483647) % (365 * 86400)),
            CASE WHEN status NOT IN ('DRAFT') THEN now() - interval '380 days' END,
            CASE WHEN status IN ('SUBMITTED', 'ISSUANCE_PENDING', 'ISSUED', 'ADVISED', 'SETTLED', 'EXPIRED', 'CANCELLED') THEN now() - interval '375 days' END,
            CASE WHEN status IN ('ISSUED', 'ADVISED', 'SETTLED', 'EXPIRED', 'CANCELLED') THEN now() - interval '370 days' END
       FROM g
     RETURNING id`,
    count,
    orgs.banks,
    orgs.corporates,
    statuses,
    run,
  );
  return rows.map((r) => r.id);
}
