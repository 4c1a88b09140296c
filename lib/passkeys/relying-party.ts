import { isIP } from "node:net";
import { siteUrl } from "@/lib/config";
import { AppError } from "@/lib/errors";

// Who we are to an authenticator: the RP ID a passkey is scoped to and the origins whose
// responses we accept, both from the site's configured address (APP_URL, else AUTH_URL), never
// from a request's Host. An IP address cannot be an RP ID (browsers refuse it), so on the
// embedded default (http://127.0.0.1:PORT) passkeys live on http://localhost:PORT, the same
// server under the loopback name browsers accept.

export interface RelyingParty {
  id: string;
  name: string;
  /** Origins whose clientDataJSON we accept. */
  origins: string[];
}

const RP_NAME = "TradeTrail";
const isLoopback = (ip: string) => ip === "::1" || ip.startsWith("127.");

/** The relying party for the configured site address; `site` is for tests. */
export function relyingParty(site: string | null = siteUrl()): RelyingParty {
  if (!site) throw new AppError("UNAVAILABLE", "Passkeys are unavailable: this server does not know its own address. Its operator must set APP_URL.");
  const url = new URL(site);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) === 0) return { id: host, name: RP_NAME, origins: [url.origin] };
  if (!isLoopback(host)) throw new AppError("UNAVAILABLE", "Passkeys need the site to be served under a domain name: set APP_URL to it.");
  return { id: "localhost", name: RP_NAME, origins: [`${url.protocol}//localhost${url.port ? `:${url.port}` : ""}`] };
}
