import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Alert } from "./alert";
import { Button } from "./button";
import { Field } from "./field";
import { FormMessage } from "./form-message";
import { Input } from "./input";
import { Pagination } from "./pagination";
import { Progress } from "./progress";
import { shortenHash } from "./hash";
import { Tabs } from "./tabs";
import { Time } from "./time";
import { groupId } from "../credit/terms-view";

// Server-rendered markup: what assistive technology and the e2e tests find by role and name.

const html = (node: React.ReactNode) => renderToStaticMarkup(<>{node}</>);
const attr = (markup: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(markup)?.[1];

describe("Field", () => {
  it("names the control with its label and describes it with hint and error", () => {
    const markup = html(
      <Field label="Amount (32B)" hint="Up to three decimals" error="Enter an amount" required>
        {(f) => <Input {...f} name="amount" />}
      </Field>,
    );
    const id = attr(markup, "id")!;
    expect(markup).toContain(`<label for="${id}"`);
    expect(markup).toContain('aria-invalid="true"');
    expect(attr(markup, "aria-describedby")).toBe(`${id}-error ${id}-hint`);
    expect(markup).toContain(`id="${id}-error"`);
    expect(markup).toContain(`id="${id}-hint"`);
  });

  it("leaves a valid, hint-less control undescribed and not invalid", () => {
    const markup = html(<Field label="Comment">{(f) => <Input {...f} name="comment" />}</Field>);
    expect(markup).not.toContain("aria-describedby");
    expect(markup).not.toContain("aria-invalid");
    expect(markup).not.toContain("aria-required");
  });

  it("marks a field with an asterisk as required for screen readers, the asterisk itself hidden", () => {
    const markup = html(
      <Field label="Amount (32B)" required>
        {(f) => <Input {...f} name="amount" />}
      </Field>,
    );
    expect(markup).toMatch(/<input[^>]*aria-required="true"/);
    expect(markup).toContain('<span class="ml-0.5 text-danger-700" aria-hidden="true">*</span>');
  });
});

describe("Button", () => {
  it("is disabled and busy while pending, and never submits by default", () => {
    const markup = html(<Button pending>Verify now</Button>);
    expect(markup).toContain('type="button"');
    expect(markup).toContain("disabled");
    expect(markup).toContain('aria-busy="true"');
    expect(html(<Button type="submit">Apply</Button>)).toContain('type="submit"');
    expect(html(<Button>Apply</Button>)).not.toContain("aria-busy");
  });
});

describe("Progress", () => {
  it("reports a known value and omits it when indeterminate", () => {
    expect(html(<Progress value={42.4} label="Uploading" />)).toContain('aria-valuenow="42"');
    const indeterminate = html(<Progress label="Checked 0 of … credits" />);
    expect(indeterminate).toContain('role="progressbar"');
    expect(indeterminate).not.toContain("aria-valuenow");
  });
});

describe("messages", () => {
  it("announces errors as alerts and successes as status", () => {
    expect(html(<FormMessage tone="error">No</FormMessage>)).toContain('role="alert"');
    expect(html(<FormMessage tone="success">Yes</FormMessage>)).toContain('role="status"');
    expect(html(<Alert tone="info" title="Changed since you last looked" />)).toContain('role="alert"');
  });
});

describe("navigation pieces", () => {
  it("marks the current tab and hides pagination with a single page", () => {
    const markup = html(
      <Tabs
        label="Credit sections"
        items={[
          { href: "?tab=terms", label: "Terms", current: false },
          { href: "?tab=timeline", label: "Timeline", count: 3, current: true },
        ]}
      />,
    );
    expect(markup).toContain('aria-label="Credit sections"');
    const current = markup.match(/<a [^>]*aria-current="page"[^>]*>/g) ?? [];
    expect(current).toHaveLength(1);
    expect(current[0]).toContain('href="?tab=timeline"');
    expect(html(<Pagination previousHref={null} nextHref={null} />)).toBe("");
    expect(html(<Pagination previousHref={null} nextHref="/credits?after=x" />)).toContain('href="/credits?after=x"');
  });
});

describe("Time and Hash", () => {
  it("renders a machine-readable UTC time", () => {
    const markup = html(<Time value={new Date("2027-03-15T08:05:00Z")} />);
    expect(markup).toContain('dateTime="2027-03-15T08:05:00.000Z"');
    expect(markup).toContain("15 Mar 2027, 08:05 UTC");
    expect(html(<Time value="2027-03-15" dateOnly />)).toContain('dateTime="2027-03-15"');
  });

  it("shortens long hashes and leaves short values alone", () => {
    expect(shortenHash(`0x${"ab".repeat(32)}`)).toBe("0xabababab…abab");
    expect(shortenHash("1234567890abcdef1234")).toBe("12345678…1234");
    expect(shortenHash("0x1234")).toBe("0x1234");
  });
});

describe("Tabs", () => {
  it("announces the section shown in a polite live region", () => {
    const markup = html(
      <Tabs
        label="Credit sections"
        items={[
          { href: "?tab=terms", label: "Terms", current: false },
          { href: "?tab=timeline", label: "Timeline", current: true },
        ]}
      />,
    );
    expect(markup).toMatch(/<p aria-live="polite" aria-atomic="true" class="sr-only" data-tab-announcer="true">Timeline tab shown<\/p>/);
  });
});

describe("groupId", () => {
  it("makes an id without spaces from a terms group's name", () => {
    expect(groupId("Goods and documents")).toBe("terms-goods-and-documents");
    expect(groupId("Amount")).toBe("terms-amount");
  });
});
