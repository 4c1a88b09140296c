import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AbiCoder, type Provider, type TransactionRequest, Wallet, ZeroHash, getAddress, keccak256, toBeHex } from "ethers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ANCHORER_ROLE, anchorRegistryInterface } from "./anchor-registry";
import { type DeploymentRecord, LOCAL_CHAIN_ID, deployAnchorRegistry, deploymentFile, readDeployment, registryVersion, resolveAnchorRegistryAddress, writeDeployment } from "./deploy";

// The deployment record and the checks made before the app trusts an address, against a scripted
// provider: which chain it is on, which code and which answers live at which address. The real
// deployment on anvil is exercised by every integration test's registry fixture.

const ROLE_CALL = anchorRegistryInterface.encodeFunctionData("ANCHORER_ROLE");
const VERSION_CALL = anchorRegistryInterface.encodeFunctionData("VERSION");
const word = (n: number) => AbiCoder.defaultAbiCoder().encode(["uint256"], [n]);

interface FakeContract {
  code?: string;
  /** Answers by call data; a missing entry reverts. */
  answers?: Record<string, string>;
}

function fakeProvider(chainId: bigint, contracts: Record<string, FakeContract> = {}): Provider {
  const at = (address: unknown) => contracts[getAddress(String(address))];
  return {
    getNetwork: async () => ({ chainId }),
    getCode: async (address: string) => at(address)?.code ?? "0x",
    call: async (tx: TransactionRequest) => {
      const answer = at(tx.to)?.answers?.[String(tx.data)];
      if (answer === undefined) throw new Error("execution reverted");
      return answer;
    },
  } as unknown as Provider;
}

const address = () => getAddress(Wallet.createRandom().address);
const V2 = { code: "0x6080", answers: { [ROLE_CALL]: ANCHORER_ROLE, [VERSION_CALL]: word(2) } };
const V1 = { code: "0x6080", answers: { [ROLE_CALL]: ANCHORER_ROLE } };

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-deploy-unit-"));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function record(chainId: bigint, overrides: Partial<DeploymentRecord> = {}): DeploymentRecord {
  return { address: address(), txHash: keccak256("0x01"), blockNumber: 7, chainId, admin: address(), anchorer: address(), ...overrides };
}

describe("deployAnchorRegistry", () => {
  it("refuses a signer without a provider", async () => {
    await expect(deployAnchorRegistry({ signer: Wallet.createRandom(), anchorer: address() })).rejects.toThrow("deployAnchorRegistry: the signer has no provider");
  });

  it("makes a named admin compulsory off the local chain", async () => {
    const signer = Wallet.createRandom().connect(fakeProvider(11155111n));
    await expect(deployAnchorRegistry({ signer, anchorer: address() })).rejects.toThrow(
      "deployAnchorRegistry: name the admin address (a cold key); only on the local chain does it default to the deployer",
    );
  });

  it("refuses the same account as admin and anchorer, named or defaulted, in any letter case", async () => {
    const signer = Wallet.createRandom().connect(fakeProvider(LOCAL_CHAIN_ID));
    const deployer = await signer.getAddress();
    await expect(deployAnchorRegistry({ signer, anchorer: deployer.toLowerCase() })).rejects.toThrow(
      `deployAnchorRegistry: the admin and the anchorer must be different accounts (both ${deployer})`,
    );
    const other = address();
    const remote = Wallet.createRandom().connect(fakeProvider(1n));
    await expect(deployAnchorRegistry({ signer: remote, admin: other.toLowerCase(), anchorer: other })).rejects.toThrow(`(both ${other})`);
  });

  it("is for chain 31337 only by default", () => {
    expect(LOCAL_CHAIN_ID).toBe(31337n);
  });
});

describe("the deployment record", () => {
  it("lives at DATA_DIR/deployments/<chain id>.json", () => {
    expect(deploymentFile("/data", 31337n)).toBe(path.join("/data", "deployments", "31337.json"));
    expect(deploymentFile("/data", 5)).toBe(path.join("/data", "deployments", "5.json"));
  });

  it("round-trips through writeDeployment and readDeployment, leaving no temporary file", () => {
    const written = record(11155111n);
    const file = writeDeployment(dataDir, written);
    expect(file).toBe(deploymentFile(dataDir, 11155111n));
    expect(fs.readFileSync(file, "utf8").endsWith("}\n")).toBe(true);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ contractName: "AnchorRegistry", ...written, chainId: 11155111 });
    expect(readDeployment(dataDir, 11155111n)).toEqual(written);
    expect(readDeployment(dataDir, 11155111)).toEqual(written);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["11155111.json"]);
  });

  it("keeps a chain id above 2^53 exact, as a string", () => {
    const huge = BigInt(Number.MAX_SAFE_INTEGER) + 2n;
    const written = record(huge);
    const file = writeDeployment(dataDir, written);
    expect(JSON.parse(fs.readFileSync(file, "utf8")).chainId).toBe(huge.toString());
    expect(readDeployment(dataDir, huge)).toEqual(written);
    // The largest exact number is still written as a number.
    const safe = BigInt(Number.MAX_SAFE_INTEGER);
    expect(JSON.parse(fs.readFileSync(writeDeployment(dataDir, record(safe)), "utf8")).chainId).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("is null when the chain has none", () => {
    expect(readDeployment(dataDir, 31337n)).toBeNull();
  });

  it("rethrows a read failure other than a missing file", () => {
    fs.mkdirSync(deploymentFile(dataDir, 9n), { recursive: true }); // a directory where the file should be
    expect(() => readDeployment(dataDir, 9n)).toThrow(/EISDIR/);
  });

  it("refuses a damaged record, naming the file and what is wrong", () => {
    const file = deploymentFile(dataDir, 5n);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const write = (value: unknown) => fs.writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value));
    const good = { address: address(), txHash: ZeroHash, blockNumber: 1, chainId: 5, admin: address(), anchorer: address() };

    write("{ not json");
    expect(() => readDeployment(dataDir, 5n)).toThrow(`Deployment record ${file} is not valid JSON`);
    write({ ...good, chainId: 1 });
    expect(() => readDeployment(dataDir, 5n)).toThrow(`Deployment record ${file} is for chain 1, not 5`);
    write({ ...good, chainId: undefined });
    expect(() => readDeployment(dataDir, 5n)).toThrow(`Deployment record ${file} is for chain undefined, not 5`);
    write({ ...good, chainId: true });
    expect(() => readDeployment(dataDir, 5n)).toThrow(`is for chain true, not 5`);
    write({ ...good, chainId: "5" });
    expect(readDeployment(dataDir, 5n)?.chainId).toBe(5n);
    write({ ...good, txHash: undefined });
    expect(() => readDeployment(dataDir, 5n)).toThrow(`Deployment record ${file}: txHash or blockNumber missing`);
    write({ ...good, blockNumber: "1" });
    expect(() => readDeployment(dataDir, 5n)).toThrow(`Deployment record ${file}: txHash or blockNumber missing`);
    for (const key of ["address", "admin", "anchorer"] as const) {
      write({ ...good, [key]: "0x1234" });
      expect(() => readDeployment(dataDir, 5n)).toThrow(`Deployment record ${file}: "${key}" is not an address`);
      write({ ...good, [key]: 42 });
      expect(() => readDeployment(dataDir, 5n)).toThrow(`"${key}" is not an address`);
    }
    write({ ...good, address: good.address.toLowerCase() });
    expect(readDeployment(dataDir, 5n)).toEqual({ ...good, chainId: 5n });
  });
});

describe("registryVersion", () => {
  it("reads VERSION() from a version 2 registry, 1 from one without it, null from anything else", async () => {
    const [v2, v1, v3, other, nobody] = [address(), address(), address(), address(), address()];
    const provider = fakeProvider(LOCAL_CHAIN_ID, {
      [v2]: V2,
      [v1]: V1,
      [v3]: { code: "0x6080", answers: { [ROLE_CALL]: ANCHORER_ROLE, [VERSION_CALL]: word(3) } },
      [other]: { code: "0x6080", answers: { [ROLE_CALL]: ZeroHash, [VERSION_CALL]: word(2) } },
    });
    expect(await registryVersion(provider, v2)).toBe(2);
    expect(await registryVersion(provider, v1)).toBe(1);
    expect(await registryVersion(provider, v3)).toBe(3);
    expect(await registryVersion(provider, other)).toBeNull();
    expect(await registryVersion(provider, nobody)).toBeNull();
  });
});

describe("resolveAnchorRegistryAddress", () => {
  it("prefers the configured address, answered checksummed", async () => {
    const [configured, recorded] = [address(), address()];
    writeDeployment(dataDir, record(LOCAL_CHAIN_ID, { address: recorded }));
    const provider = fakeProvider(LOCAL_CHAIN_ID, { [configured]: V2, [recorded]: V2 });
    expect(await resolveAnchorRegistryAddress({ provider, dataDir, configuredAddress: configured.toLowerCase() })).toBe(configured);
  });

  it("falls back to the record of the provider's chain", async () => {
    const recorded = address();
    writeDeployment(dataDir, record(LOCAL_CHAIN_ID, { address: recorded }));
    writeDeployment(dataDir, record(1n));
    const provider = fakeProvider(LOCAL_CHAIN_ID, { [recorded]: V2 });
    expect(await resolveAnchorRegistryAddress({ provider, dataDir })).toBe(recorded);
    expect(await resolveAnchorRegistryAddress({ provider, dataDir, configuredAddress: "" })).toBe(recorded);
  });

  it("refuses a configured value that is not an address", async () => {
    await expect(resolveAnchorRegistryAddress({ provider: fakeProvider(1n), dataDir, configuredAddress: "0x1234" })).rejects.toThrow(
      "ANCHOR_CONTRACT_ADDRESS 0x1234 is not an address",
    );
  });

  it("says how to get a registry when none is configured or recorded for the chain", async () => {
    await expect(resolveAnchorRegistryAddress({ provider: fakeProvider(5n), dataDir })).rejects.toThrow(
      `No AnchorRegistry known on chain 5: set ANCHOR_CONTRACT_ADDRESS, or deploy one with \`npm run contracts:deploy\` (which writes ${deploymentFile(dataDir, 5n)})`,
    );
  });

  it("names the address, the chain and where the address came from when no code is there", async () => {
    const empty = address();
    await expect(resolveAnchorRegistryAddress({ provider: fakeProvider(5n), dataDir, configuredAddress: empty })).rejects.toThrow(
      `No contract code at ${empty} on chain 5 (from ANCHOR_CONTRACT_ADDRESS): wrong address, wrong chain, or the chain was reset`,
    );
    writeDeployment(dataDir, record(5n, { address: empty }));
    await expect(resolveAnchorRegistryAddress({ provider: fakeProvider(5n), dataDir })).rejects.toThrow(
      `No contract code at ${empty} on chain 5 (from ${deploymentFile(dataDir, 5n)})`,
    );
  });

  it("refuses a contract that is not an AnchorRegistry", async () => {
    const other = address();
    const provider = fakeProvider(5n, { [other]: { code: "0x00" } });
    await expect(resolveAnchorRegistryAddress({ provider, dataDir, configuredAddress: other })).rejects.toThrow(
      `The contract at ${other} on chain 5 (from ANCHOR_CONTRACT_ADDRESS) is not an AnchorRegistry`,
    );
  });

  it("refuses a version 1 registry, saying its anchors stay verifiable", async () => {
    const old = address();
    const provider = fakeProvider(5n, { [old]: V1 });
    await expect(resolveAnchorRegistryAddress({ provider, dataDir, configuredAddress: old })).rejects.toThrow(
      `The contract at ${old} on chain 5 (from ANCHOR_CONTRACT_ADDRESS) is a version 1 AnchorRegistry; the app anchors to version 2. Deploy one with \`npm run contracts:deploy\` (version 1 anchors stay verifiable at the old address).`,
    );
  });

  it("accepts a registry newer than version 2", async () => {
    const newer = address();
    const provider = fakeProvider(5n, { [newer]: { code: "0x6080", answers: { [ROLE_CALL]: ANCHORER_ROLE, [VERSION_CALL]: toBeHex(3, 32) } } });
    expect(await resolveAnchorRegistryAddress({ provider, dataDir, configuredAddress: newer })).toBe(newer);
  });
});
