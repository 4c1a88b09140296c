import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sampleTerms } from "../lib/terms/sample";
import { runtime, sql } from "./support/runtime";
import { expect, test } from "./support/test";
import { USERS, personAs } from "./support/users";

// Issue 12, M3: a page on a sibling origin (the same host on another port: the session cookie
// does not tell them apart, so the browser sends it) tries to create a credit as the signed-in
// buyer, with a text/plain form whose body is JSON and with a no-cors fetch. Both are refused and
// nothing is created.

async function orgId(name: string): Promise<string> {
  const [row] = await sql<{ id: string }>("SELECT id FROM organizations WHERE name = $1", [name]);
  return row!.id;
}

// The forged request's goods name it alone: other tests create the buyer's credits at the same time.
const PROBE = `CSRF probe ${randomUUID()}`;
const creditsOfBuyer = async () => Number((await sql<{ n: string }>("SELECT count(*) AS n FROM terms_versions WHERE terms->>'goodsDescription' = $1", [PROBE]))[0]!.n);

test("a sibling origin cannot create a credit with the buyer's session (form and no-cors fetch)", async ({ browser }) => {
  const appUrl = runtime().appUrl;
  const body = JSON.stringify({
    beneficiaryId: await orgId("Delta Pumps B.V."),
    issuingBankId: await orgId("Merlion Trade Bank"),
    advisingBankId: await orgId("Rotterdam Maritime Bank"),
    terms: sampleTerms({ goodsDescription: PROBE }),
  });
  // text/plain sends `name=value`: the name carries the JSON up to a padding field whose value closes it.
  const formName = `${body.slice(0, -1)},"pad":"`;
  const html = `<!doctype html><html lang="en"><head><title>Sibling</title></head><body>
    <form id="f" method="POST" enctype="text/plain" action="${appUrl}/api/v1/credits"><input type="hidden" name='${formName.replace(/'/g, "&#39;")}' value='"}'><button>Go</button></form>
    <script>
      window.noCors = () => fetch(${JSON.stringify(`${appUrl}/api/v1/credits`)}, { method: "POST", mode: "no-cors", credentials: "include", body: ${JSON.stringify(body)} }).then(() => "sent", (e) => String(e));
    </script></body></html>`;
  const server = http.createServer((_, response) => response.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const sibling = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sibling`;
  try {
    const buyer = await personAs(browser, USERS.buyer);
    const before = await creditsOfBuyer();

    await buyer.goto(sibling);
    const [response] = await Promise.all([buyer.waitForResponse((r) => r.url().endsWith("/api/v1/credits") && r.request().method() === "POST"), buyer.locator("#f button").click()]);
    expect(response.status()).toBe(403);
    expect((await response.json()).error.message).toMatch(/did not come from TradeTrail's own pages/);

    await buyer.goto(sibling);
    expect(await buyer.evaluate(() => (window as unknown as { noCors: () => Promise<string> }).noCors())).toBe("sent");
    expect(await creditsOfBuyer()).toBe(before);

    // The same session from TradeTrail's own page still works (the audit trail's "Verify now" posts too).
    await buyer.goto("/credits");
    const own = await buyer.evaluate(async (url) => (await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status, `${appUrl}/api/v1/credits`);
    expect(own).toBe(400); // our own origin passes the guard and reaches validation (an empty application is invalid)
    expect(await creditsOfBuyer()).toBe(before);
    await buyer.context().close();
  } finally {
    server.close();
  }
});
