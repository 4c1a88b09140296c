import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { anchorRegistryAbi, anchorRegistryBytecode } from "@/lib/chain/generated/anchor-registry";
import { type Artifact, type BuildResult, ContractsBuildError, TARGETS, buildContracts } from "@/scripts/contracts-build";

// scripts/contracts-build.ts against a scratch copy of the contracts, so the real build outputs
// (which other tests and the app import) are never touched. The machinery is the same for every
// target; these tests build the version 1 registry alone.

const repoRoot = path.resolve(import.meta.dirname, "../..");
const source = "contracts/AnchorRegistry.sol";
const moduleFile = "lib/chain/generated/anchor-registry.ts";

describe("contracts:build", () => {
  let root: string;
  let lines: string[];
  const targets = TARGETS.filter((t) => t.source === source);
  const build = (): Promise<BuildResult> => buildContracts({ root, targets, log: (line) => lines.push(line) });
  const artifact = () => JSON.parse(fs.readFileSync(path.join(root, "contracts/build/AnchorRegistry.json"), "utf8")) as Artifact;
  const generated = () => fs.readFileSync(path.join(root, moduleFile), "utf8");

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "tt-contracts-"));
    fs.mkdirSync(path.join(root, "contracts"));
    fs.copyFileSync(path.join(repoRoot, source), path.join(root, source));
    lines = [];
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("compiles into the artifact and the generated module, reproducing the project's build byte for byte", async () => {
    const result = await build();
    expect(result.compiled).toBe(true);
    const written = artifact();
    expect(written).toMatchObject({
      contractName: "AnchorRegistry",
      compiler: { settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: "cancun" } },
      sourceHash: result.sourceHash,
    });
    expect(written.compiler.version).toMatch(/^0\.8\.\d+\+commit\./);
    expect(written.sources).toContain("@openzeppelin/contracts/access/AccessControl.sol");
    expect(written.deployedBytecode).toMatch(/^0x[0-9a-f]+$/);
    // Same source, same unit name, same settings: the same bytes the app deploys.
    expect(written.bytecode).toBe(anchorRegistryBytecode);
    expect(written.abi).toEqual(anchorRegistryAbi);
    expect(generated()).toContain(`sourceHash ${result.sourceHash}`);
    expect(generated()).toContain(`export const anchorRegistryBytecode: \`0x\${string}\` = "${anchorRegistryBytecode}";`);
    expect(lines).toEqual([expect.stringMatching(/^contracts: compiled AnchorRegistry with solc 0\.8\.\d+ in [\d.]+ s/)]);
  });

  it("skips the compile, in one line, when sources and compiler are unchanged", async () => {
    await build();
    const before = fs.statSync(path.join(root, moduleFile)).mtimeMs;
    lines = [];
    const again = await build();
    expect(again.compiled).toBe(false);
    expect(lines).toEqual([expect.stringMatching(/^contracts: up to date \(AnchorRegistry, solc 0\.8\.\d+, sources [0-9a-f]{12}\)$/)]);
    expect(fs.statSync(path.join(root, moduleFile)).mtimeMs).toBe(before);
  });

  it("recompiles when a contract source changes", async () => {
    const first = await build();
    fs.appendFileSync(path.join(root, source), "\n// a comment changes the metadata hash\n");
    const second = await build();
    expect(second.compiled).toBe(true);
    expect(second.sourceHash).not.toBe(first.sourceHash);
    expect(artifact().bytecode).not.toBe(anchorRegistryBytecode);
  });

  it("recompiles when an output is missing or was edited by hand", async () => {
    await build();
    fs.rmSync(path.join(root, moduleFile));
    expect((await build()).compiled).toBe(true);
    fs.writeFileSync(path.join(root, moduleFile), "export const anchorRegistryAbi = [] as const;\n");
    expect((await build()).compiled).toBe(true);
    expect(generated()).toContain("export const anchorRegistryBytecode");
  });

  it("fails with the compiler's formatted errors and writes nothing", async () => {
    fs.appendFileSync(path.join(root, source), "\ncontract Broken { function f() public { undefinedThing(); } }\n");
    const failure = build();
    await expect(failure).rejects.toThrow(ContractsBuildError);
    await expect(failure).rejects.toThrow(/DeclarationError: Undeclared identifier\.[\s\S]*contracts\/AnchorRegistry\.sol:\d+:\d+/);
    expect(fs.existsSync(path.join(root, "contracts/build"))).toBe(false);
    expect(fs.existsSync(path.join(root, moduleFile))).toBe(false);
  });

  it("fails naming an import it cannot resolve", async () => {
    fs.appendFileSync(path.join(root, source), '\nimport "@openzeppelin/contracts/no/Such.sol";\n');
    await expect(build()).rejects.toThrow(/@openzeppelin\/contracts\/no\/Such\.sol/);
  });
});
