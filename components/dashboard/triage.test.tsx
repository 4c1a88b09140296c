import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { QueueFooter, SHOWN, cutQueue, expandedQueue } from "./triage";

const queue = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("the dashboard's triage cut", () => {
  it("shows the first rows of a long queue, in the queue's order, and says how many there are", () => {
    expect(cutQueue(queue(50), false)).toEqual({ rows: queue(SHOWN), total: 50, more: true });
  });

  it("shows a whole queue when the user asked for it, and one no longer than the cut as it is", () => {
    expect(cutQueue(queue(50), true)).toEqual({ rows: queue(50), total: 50, more: true });
    expect(cutQueue(queue(SHOWN), false)).toEqual({ rows: queue(SHOWN), total: SHOWN, more: false });
  });

  it("gives no total for a queue read only one row past the cut", () => {
    expect(cutQueue(queue(SHOWN + 1), false, false)).toEqual({ rows: queue(SHOWN), total: null, more: true });
  });

  it("expands only the queues it knows", () => {
    expect(expandedQueue("mine")).toBe("mine");
    expect(expandedQueue("others")).toBe("others");
    expect(expandedQueue(["mine", "others"])).toBeNull();
    expect(expandedQueue("everything")).toBeNull();
    expect(expandedQueue(undefined)).toBeNull();
  });
});

describe("QueueFooter", () => {
  it("links a cut queue to the whole of it, with its length when known", () => {
    const markup = renderToStaticMarkup(<QueueFooter queue="mine" shown={SHOWN} total={50} expanded={false} noun="waiting for you" first="most urgent" />);
    expect(markup).toContain(`The ${SHOWN} most urgent of 50.`);
    expect(markup).toMatch(/<a [^>]*href="\/\?show=mine"[^>]*>Show all 50 credits waiting for you<\/a>/);
  });

  it("says 'all' without a number when the length is not known", () => {
    const markup = renderToStaticMarkup(<QueueFooter queue="others" shown={SHOWN} total={null} expanded={false} noun="waiting for other parties" first="waiting longest" />);
    expect(markup).toContain(`The ${SHOWN} waiting longest.`);
    expect(markup).toMatch(/href="\/\?show=others"[^>]*>Show all credits waiting for other parties</);
  });

  it("links a whole queue back to the dashboard's cut", () => {
    const markup = renderToStaticMarkup(<QueueFooter queue="mine" shown={50} total={50} expanded noun="waiting for you" first="most urgent" />);
    expect(markup).toContain("All 50 credits waiting for you.");
    expect(markup).toMatch(/href="\/"[^>]*>Show the 10 most urgent</);
  });
});
