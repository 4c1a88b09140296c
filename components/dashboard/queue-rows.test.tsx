import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { type MyQueueRow, MyQueueRows, type OthersQueueRow, OthersQueueRows } from "./queue-rows";

const table = (rows: React.ReactNode) => renderToStaticMarkup(<table><tbody>{rows}</tbody></table>);
const cells = (markup: string) => [...markup.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));

const ID = "0b6f5c3e-2f0a-4a52-9a4e-7d7c1a9e0001";
const mine = (due: MyQueueRow[6]): MyQueueRow => [
  ID,
  "ILC/2027/0042",
  [
    [`/credits/${ID}/presentations/p1#examination`, "Presentation 1: Examine documents"],
    [`/credits/${ID}#amendment-a2`, "Amendment 2: Issue amendment"],
  ],
  "Acme Imports → Nordic Exports",
  "USD 262,000.00",
  "ADVISED",
  due,
  "2025-11-29T23:30:00.000Z",
];

describe("MyQueueRows", () => {
  it("links the credit and each step to its exact item, in the order given", () => {
    const markup = table(<MyQueueRows withDue rows={[mine(null)]} />);
    const hrefs = [...markup.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual([`/credits/${ID}`, `/credits/${ID}/presentations/p1#examination`, `/credits/${ID}#amendment-a2`]);
    expect(cells(markup)).toEqual([
      "ILC/2027/0042",
      "Presentation 1: Examine documentsAmendment 2: Issue amendment",
      "Acme Imports → Nordic Exports",
      "USD 262,000.00",
      "Advised",
      "—",
      "29 Nov 2025",
    ]);
  });

  it("shows the art. 14(b) deadline in UTC with the banking days left, and marks an overdue row in words", () => {
    const onTime = table(<MyQueueRows withDue rows={[mine(["2026-12-03", 2, false])]} />);
    expect(cells(onTime)[5]).toBe("3 Dec 20262 banking days left");
    expect(onTime).not.toContain("data-overdue");
    expect(table(<MyQueueRows withDue rows={[mine(["2026-12-01", 0, false])]} />)).toContain("Due today");
    expect(table(<MyQueueRows withDue rows={[mine(["2026-12-02", 1, false])]} />)).toContain("1 banking day left");
    const late = table(<MyQueueRows withDue rows={[mine(["2026-11-27", -1, true])]} />);
    expect(late).toContain('data-overdue="true"');
    expect(late).toContain("bg-danger-50");
    expect(cells(late)[5]).toBe("27 Nov 2026Overdue by 1 banking day");
  });

  it("leaves the deadline column out when no row has one", () => {
    expect(cells(table(<MyQueueRows withDue={false} rows={[mine(null)]} />))).toHaveLength(6);
  });
});

describe("OthersQueueRows", () => {
  it("says whom each credit waits for", () => {
    const row: OthersQueueRow = [ID, "TT-1", "Beneficiary, Advising bank", "A → B", "EUR 1,000.00", "ISSUED", "2026-01-05T10:00:00.000Z"];
    const markup = table(<OthersQueueRows rows={[row]} />);
    expect(cells(markup)).toEqual(["TT-1", "Beneficiary, Advising bank", "A → B", "EUR 1,000.00", "Issued", "5 Jan 2026"]);
    expect(markup).toContain(`href="/credits/${ID}"`);
  });
});
