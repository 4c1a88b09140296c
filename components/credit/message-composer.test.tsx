import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MESSAGE_MAX_CHARS, messageLengthProblem } from "@/lib/credits/message-rules";
import { IDLE } from "@/lib/http/action-state";
import { MessageComposer } from "./message-composer";

// Bug 9: messages were cut at 4,000 characters without a word (the textarea's maxLength).

describe("MessageComposer", () => {
  const markup = renderToStaticMarkup(<MessageComposer creditId="c1" action={async () => IDLE} />);

  it("does not let the browser cut the text: no maxlength on the message box", () => {
    expect(markup).toMatch(/<textarea[^>]*name="body"/);
    expect(markup).not.toMatch(/maxlength/i);
  });

  it("shows a character counter, read with the box", () => {
    expect(markup).toContain("0 of 4,000 characters");
    const counterId = /<p id="([^"]+)"[^>]*>0 of 4,000 characters/.exec(markup)?.[1];
    expect(counterId).toBeTruthy();
    expect(/<textarea[^>]*aria-describedby="([^"]*)"/.exec(markup)?.[1]?.split(" ")).toContain(counterId);
  });
});

describe("messageLengthProblem", () => {
  it("accepts up to the limit and says by how much a longer message is over", () => {
    expect(messageLengthProblem("x".repeat(MESSAGE_MAX_CHARS))).toBeNull();
    expect(messageLengthProblem(`  ${"x".repeat(MESSAGE_MAX_CHARS)}  `)).toBeNull();
    expect(messageLengthProblem("x".repeat(4250))).toBe("Your message has 4,250 characters; a message can have at most 4,000. Shorten it by 250 or split it in two.");
    expect(messageLengthProblem("   ")).toBe("Write a message first.");
  });
});
