import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { benchmarkCode, runExitCode, summaryLine } from "./outcome";
import { removeResult, resultFile } from "./report";

// `npm run bench` (bench/run.ts): a failed benchmark says so, fails the run and leaves no results
// file that reads as a success (issue 16, item 7).

describe("a benchmark's exit as the runner sees it", () => {
  it("keeps a failing exit code and fails a process killed by a signal", () => {
    expect(benchmarkCode(3, null, 0)).toBe(3);
    expect(benchmarkCode(null, "SIGKILL", 0)).toBe(1);
    expect(benchmarkCode(0, null, 0)).toBe(0);
  });

  it("fails a passing benchmark that left temporary files behind", () => {
    expect(benchmarkCode(0, null, 2)).toBe(1);
    expect(benchmarkCode(2, null, 1)).toBe(2);
  });
});

describe("the summary", () => {
  it("says FAILED with the exit code and points at no results file", () => {
    const line = summaryLine({ name: "anchoring", code: 1, seconds: 42 });
    expect(line).toContain("FAILED (exit 1)");
    expect(line).toContain("no results written");
    expect(line).not.toContain("bench/results/anchoring.json");
    expect(line).not.toMatch(/\bok\b/);
  });

  it("points a passing benchmark at its results file", () => {
    expect(summaryLine({ name: "verify", code: 0, seconds: 7 })).toMatch(/^verify\s+ok\s+7 s\s+bench\/results\/verify\.json$/);
  });

  it("exits 0 only when every benchmark passed", () => {
    const ok = { name: "a", code: 0, seconds: 1 };
    expect(runExitCode([ok, { ...ok, name: "b" }])).toBe(0);
    expect(runExitCode([ok, { name: "b", code: 1, seconds: 1 }])).toBe(1);
    expect(runExitCode([{ name: "c", code: 130, seconds: 1 }, ok])).toBe(1);
    expect(runExitCode([])).toBe(1);
  });
});

describe("a stale results file", () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  it("is removed, and removing a missing one is harmless", () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "tt-bench-outcome-"));
    const file = resultFile("anchoring", root);
    expect(file).toBe(path.join(root, "bench", "results", "anchoring.json"));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"benchmark":"anchoring"}');
    fs.writeFileSync(resultFile("verify", root), "{}");
    expect(removeResult("anchoring", root)).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
    // Only the named benchmark's file goes.
    expect(fs.existsSync(resultFile("verify", root))).toBe(true);
    expect(removeResult("anchoring", root)).toBe(false);
  });
});
