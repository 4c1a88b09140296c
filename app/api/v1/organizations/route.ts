import { ORGANIZATION_PAGE, ORGANIZATION_QUERY } from "@/lib/api/organization-query";
import { findOrganizations } from "@/lib/organizations/find-organizations";
import { authenticated, json } from "@/lib/http/route";
import { readQuery } from "@/lib/http/query";

export const dynamic = "force-dynamic";

/** GET /api/v1/organizations?q=&country=&bic=&kind=: the organisation directory, by name, 50 a page unless `limit` says otherwise. */
export const GET = authenticated(async (request) => {
  const query = readQuery(new URL(request.url).searchParams, ORGANIZATION_QUERY);
  return json(await findOrganizations(query, query.limit ?? ORGANIZATION_PAGE.default));
});
