import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { ORGANIZATION_KIND_LABELS } from "@/components/status/labels";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { Time, formatUtcDate } from "@/components/ui/time";
import { requireActor } from "@/lib/auth/session";
import { COUNTRIES, countryName } from "@/lib/organizations/identifiers";
import { isPlatformAdmin, listOrganizations } from "@/lib/organizations/onboarding";
import { InviteAdministratorForm, OnboardOrganizationForm } from "./forms";

export const metadata: Metadata = { title: "Organisations" };

export default async function PlatformPage() {
  const actor = await requireActor();
  if (!isPlatformAdmin(actor)) redirect("/");
  const organizations = await listOrganizations(actor);
  return (
    <>
      <PageHeader title="Organisations" description="Onboard a bank, a trading company or an audit firm. Its first administrator is invited by e-mail and then invites the organisation's own people." />
      <div className="space-y-8">
        <Card>
          <CardHeader>
            <CardTitle>Onboard an organisation</CardTitle>
          </CardHeader>
          <CardBody>
            <OnboardOrganizationForm countries={COUNTRIES} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              On TradeTrail <span className="ml-1 text-sm font-normal text-slate-500">({organizations.length})</span>
            </CardTitle>
          </CardHeader>
          <CardBody className="p-0">
            {organizations.length === 0 ? (
              <EmptyState title="No organisation yet" description="Onboard the first bank or trading company above." />
            ) : (
              <Table aria-label="Organisations on TradeTrail">
                <THead>
                  <Tr>
                    <Th>Organisation</Th>
                    <Th>Kind</Th>
                    <Th>Country</Th>
                    <Th>BIC</Th>
                    <Th>Members</Th>
                    <Th>Administrator</Th>
                  </Tr>
                </THead>
                <TBody>
                  {organizations.map((org) => (
                    <Tr key={org.id}>
                      <Td>
                        <div className="font-medium text-slate-900">{org.name}</div>
                        <div className="text-xs text-slate-500">
                          since <Time value={org.createdAt} />
                        </div>
                      </Td>
                      <Td>{ORGANIZATION_KIND_LABELS[org.kind]}</Td>
                      <Td>{countryName(org.country)}</Td>
                      <Td className="font-mono text-xs">{org.bic ?? "—"}</Td>
                      <Td>{org.members}</Td>
                      <Td>
                        {org.administrators > 0 ? (
                          <Badge tone="success">{org.administrators === 1 ? "1 administrator" : `${org.administrators} administrators`}</Badge>
                        ) : org.pendingAdministrator ? (
                          <span className="text-sm">
                            <Badge tone="warning">Invited</Badge> {org.pendingAdministrator.email}, until {formatUtcDate(org.pendingAdministrator.expiresAt)}
                          </span>
                        ) : (
                          <div className="space-y-2">
                            <Badge tone="danger">No administrator</Badge>
                            <InviteAdministratorForm organizationId={org.id} name={org.name} />
                          </div>
                        )}
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
