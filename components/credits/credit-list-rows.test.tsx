import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { type CreditListRow, CreditListRows } from "./credit-list-rows";

const table = (rows: CreditListRow[]) => renderToStaticMarkup(<table><tbody><CreditListRows rows={rows} /></tbody></table>);
const cells = (markup: string) => [...markup.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));

const ID = "0b6f5c3e-2f0a-4a52-9a4e-7d7c1a9e0002";
const row = (creditNumber: string | null): CreditListRow => [ID, creditNumber, "TT-2026-0007", "Acme Imports", "Nordic Exports", "First Bank", "JPY 1,500,000", "2027-03-15", "SETTLED", "2026-03-01T00:30:00.000Z"];

describe("CreditListRows", () => {
  it("shows each column of a credit, its dates in UTC whatever the machine's zone", () => {
    const markup = table([row("ILC/2027/0042")]);
    expect(cells(markup)).toEqual(["ILC/2027/0042TT-2026-0007", "Acme Imports", "Nordic Exports", "First Bank", "JPY 1,500,000", "15 Mar 2027", "Settled", "1 Mar 2026"]);
    expect(markup).toContain(`href="/credits/${ID}"`);
    expect(markup).toContain('dateTime="2027-03-15"');
  });

  it("names a credit without a number by its reference, once", () => {
    const markup = table([row(null)]);
    expect(cells(markup)[0]).toBe("TT-2026-0007");
    expect(markup.match(/TT-2026-0007/g)).toHaveLength(1);
  });

  it("right-aligns the amount", () => {
    expect(table([row(null)])).toMatch(/<td class="ui-td ui-num">JPY 1,500,000<\/td>/);
  });
});
