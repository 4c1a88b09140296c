import type { Metadata } from "next";
import Link from "next/link";
import { type CreditListRow, CreditListRows } from "@/components/credits/credit-list-rows";
import { CREDIT_STATUS_LABELS } from "@/components/status/labels";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { LinkButton } from "@/components/ui/link-button";
import { formatMoney } from "@/components/ui/money";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import { Table, TBody, THead, Th, Tr } from "@/components/ui/table";
import type { CreditStatus } from "@/lib/generated/prisma/enums";
import { requireActor } from "@/lib/auth/session";
import { counterparties, listCredits } from "@/lib/credits/list-credits";
import { CREDIT_STATES } from "@/lib/lifecycle/definition";

export const metadata: Metadata = { title: "Credits" };

type Search = { q?: string; status?: string; counterparty?: string; after?: string; before?: string };

export default async function CreditsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const search = await searchParams;
  const status = CREDIT_STATES.includes(search.status as CreditStatus) ? (search.status as CreditStatus) : undefined;
  const [page, parties] = await Promise.all([
    listCredits(actor, { q: search.q, status, counterpartyId: search.counterparty, after: search.after, before: search.before }),
    counterparties(actor),
  ]);
  const href = (cursor: { after?: string; before?: string }) => {
    const params = new URLSearchParams();
    if (search.q) params.set("q", search.q);
    if (status) params.set("status", status);
    if (search.counterparty) params.set("counterparty", search.counterparty);
    if (cursor.after) params.set("after", cursor.after);
    if (cursor.before) params.set("before", cursor.before);
    return `/credits?${params.toString()}`;
  };
  const filtered = Boolean(search.q || status || search.counterparty);

  return (
    <>
      <PageHeader
        title="Credits"
        description="Every credit your organisation is a party to, most recent activity first."
        actions={
          actor.organizationKind === "BANK" && actor.roles.some((r) => r === "MAKER" || r === "CHECKER") ? (
            <LinkButton href="/credits/import" variant="secondary" size="sm">
              Import an MT700
            </LinkButton>
          ) : undefined
        }
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label="Search credits">
        <div className="min-w-0 flex-1 basis-64">
          <label htmlFor="q" className="mb-1 block text-sm font-medium text-slate-700">
            Search
          </label>
          <Input id="q" name="q" type="search" defaultValue={search.q} placeholder="Reference, credit number or party" />
        </div>
        <div>
          <label htmlFor="status" className="mb-1 block text-sm font-medium text-slate-700">
            Status
          </label>
          <Select id="status" name="status" defaultValue={status ?? ""}>
            <option value="">Any status</option>
            {CREDIT_STATES.map((s) => (
              <option key={s} value={s}>
                {CREDIT_STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="counterparty" className="mb-1 block text-sm font-medium text-slate-700">
            Counterparty
          </label>
          <Select id="counterparty" name="counterparty" defaultValue={search.counterparty ?? ""}>
            <option value="">Any counterparty</option>
            {parties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {filtered ? (
          <Link href="/credits" className="self-center text-sm text-brand-700 underline underline-offset-2 hover:decoration-2">
            Clear
          </Link>
        ) : null}
      </form>
      <Card>
        <CardBody className="p-0">
          {page.items.length === 0 ? (
            <EmptyState
              title={filtered ? "No credit matches" : "No credits yet"}
              description={filtered ? "Try another search or clear the filters." : "Credits you are a party to appear here once they are shared with you."}
            />
          ) : (
            <Table aria-label="Credits">
              <THead>
                <Tr>
                  <Th scope="col">Credit</Th>
                  <Th scope="col">Applicant</Th>
                  <Th scope="col">Beneficiary</Th>
                  <Th scope="col">Issuing bank</Th>
                  <Th scope="col" numeric>
                    Amount
                  </Th>
                  <Th scope="col">Expiry</Th>
                  <Th scope="col">Status</Th>
                  <Th scope="col">Updated</Th>
                </Tr>
              </THead>
              <TBody>
                <CreditListRows
                  rows={page.items.map((c): CreditListRow => [c.id, c.creditNumber, c.reference, c.applicantName, c.beneficiaryName, c.issuingBankName, formatMoney(c.currency, c.amount), c.expiryDate.toISOString().slice(0, 10), c.status, c.updatedAt.toISOString()])}
                />
              </TBody>
            </Table>
          )}
        </CardBody>
      </Card>
      <Pagination className="mt-4" previousHref={page.previous ? href({ before: page.previous }) : null} nextHref={page.next ? href({ after: page.next }) : null} />
    </>
  );
}
