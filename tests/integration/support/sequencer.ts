import fs from "node:fs";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The order the integration files start in. Vitest starts the longest files first when it has
 * timings from an earlier run, and the largest first when it has none, as on a fresh clone in CI.
 * A permission matrix file is five lines that generate some 400 cases from the lifecycle
 * definition (tests/integration/support/permission-matrix.ts): the smallest files and the longest
 * (30–75 s on two cores), so on a fresh clone they started last and one of them ran alone at the
 * end while the other worker had nothing left. Files that generate their cases from a table now
 * start first; every other file keeps Vitest's order.
 */
export default class IntegrationSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const generated = new Set(sorted.filter((file) => GENERATES_CASES.test(read(file.moduleId))));
    return [...generated, ...sorted.filter((file) => !generated.has(file))];
  }
}

/** A file whose cases come from a table rather than its own lines. */
const GENERATES_CASES = /\bpermissionMatrix\(/;

function read(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
