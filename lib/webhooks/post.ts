import { lookup as dnsLookup } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, type LookupFunction, isIP } from "node:net";

// One webhook POST. In production a webhook may only reach public addresses: an organisation's
// administrator chooses the URL, and must not make TradeTrail call into its own network (a cloud
// metadata service, a database's HTTP port). The address is checked as the connection resolves
// it (the `lookup` of the request), so a name that resolves to a public address when checked and
// to a private one when connecting (DNS rebinding) is caught too.

const PRIVATE = new BlockList();
for (const [net, prefix] of [["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4]] as const) {
  PRIVATE.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96]] as const) PRIVATE.addSubnet(net, prefix, "ipv6");

/** Is `ip` an address on the public internet (not loopback, private, link-local, shared, multicast or reserved)? */
export function isPublicAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return isPublicAddress(mapped[1]!);
  const family = isIP(ip);
  if (family === 0) return false;
  return !PRIVATE.check(ip, family === 4 ? "ipv4" : "ipv6");
}

const refusal = (host: string, address: string) =>
  Object.assign(new Error(`${host} is ${address}, not a public address: webhooks go to public addresses only`), { code: "EPRIVATEADDRESS" });

/** dns.lookup, refusing a name that resolves to any address that is not public. */
const publicLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) return callback(refusal(hostname, bad.address), "", 0);
    if (options.all) return (callback as unknown as (e: null, a: typeof addresses) => void)(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

export interface PostOptions {
  timeoutMs: number;
  /** Refuse any address that is not public (production). */
  publicOnly: boolean;
}

/** POSTs `body` and answers the status code; throws when no answer comes (refused, timed out, private address). */
export function postWebhook(url: string, headers: Record<string, string>, body: string, options: PostOptions): Promise<number> {
  const target = new URL(url);
  const literal = target.hostname.replace(/^\[|\]$/g, "");
  if (options.publicOnly && isIP(literal) !== 0 && !isPublicAddress(literal)) return Promise.reject(refusal(target.hostname, literal));
  return new Promise((resolve, reject) => {
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(target, {
      method: "POST",
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      ...(options.publicOnly ? { lookup: publicLookup } : {}),
    });
    // One deadline for the whole exchange: a receiver that answers byte by byte does not hold the sender.
    const deadline = setTimeout(() => request.destroy(Object.assign(new Error(`No answer within ${options.timeoutMs / 1000} s`), { code: "ETIMEDOUT" })), options.timeoutMs);
    request.on("response", (response) => {
      clearTimeout(deadline);
      response.resume(); // the receiver's body is not read
      resolve(response.statusCode ?? 0);
    });
    request.on("error", (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    request.end(body);
  });
}
