import { type Provider, Wallet } from "ethers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetConfigCache } from "@/lib/config";
import { appChain } from "./app-chain";
import { SerialNonceManager, chainIdOf, makeProvider, makeSigner } from "./provider";

// How the app talks to a chain, without one: the provider's settings, the signer's serial sends,
// and the web process's cached read-only view. Sending on a real chain is in tests/integration.

const providers: { destroy(): void }[] = [];
const provider = (...args: Parameters<typeof makeProvider>) => {
  const made = makeProvider(...args);
  providers.push(made);
  return made;
};
afterEach(() => {
  for (const p of providers.splice(0)) p.destroy();
});

describe("makeProvider", () => {
  it("polls every 100 ms on this machine and every 4 s elsewhere, unless told", () => {
    expect(provider("http://127.0.0.1:8545").pollingInterval).toBe(100);
    expect(provider("https://rpc.example.org").pollingInterval).toBe(4_000);
    expect(provider("https://rpc.example.org", { pollingInterval: 250 }).pollingInterval).toBe(250);
  });

  it("batches up to 100 requests without waiting, never answers from a cache, unless told", () => {
    const p = provider("http://127.0.0.1:8545");
    expect(p._getOption("batchMaxCount")).toBe(100);
    expect(p._getOption("batchStallTime")).toBe(0);
    expect(p._getOption("cacheTimeout")).toBe(-1);
    const q = provider("http://127.0.0.1:8545", { batchMaxCount: 1, batchStallTime: 10 });
    expect(q._getOption("batchMaxCount")).toBe(1);
    expect(q._getOption("batchStallTime")).toBe(10);
  });

  it("knows the chain without asking when given its id, so a chain that is down fails calls at once", async () => {
    const p = provider("http://127.0.0.1:9", { chainId: 11155111 });
    expect(p._getOption("staticNetwork")).not.toBeNull();
    expect(await chainIdOf(p)).toBe(11155111n);
    expect((await provider("http://127.0.0.1:9", { chainId: 5n }).getNetwork()).chainId).toBe(5n);
    expect(provider("http://127.0.0.1:9")._getOption("staticNetwork")).toBeNull();
  });
});

describe("SerialNonceManager", () => {
  const key = Wallet.createRandom().privateKey;

  it("stays a SerialNonceManager of the same key when connected to another provider", () => {
    const signer = makeSigner(key, provider("http://127.0.0.1:9", { chainId: 1 }));
    const other = provider("http://127.0.0.1:9", { chainId: 1 });
    const connected = signer.connect(other);
    expect(connected).toBeInstanceOf(SerialNonceManager);
    expect(connected.provider).toBe(other);
    expect(connected.signer).toBeInstanceOf(Wallet);
    expect((connected.signer as Wallet).privateKey).toBe(key);
  });

  it("sends one transaction at a time, in call order, and re-reads the nonce after a failed send", async () => {
    const events: string[] = [];
    let nonceReads = 0;
    let accepted = 0; // transactions the node has seen
    const fake = {
      getTransactionCount: async () => {
        nonceReads++;
        return 7 + accepted;
      },
      provider: null,
    } as unknown as Provider;
    const wallet = Wallet.createRandom().connect(fake);
    vi.spyOn(wallet, "populateTransaction").mockImplementation(async (tx) => ({ ...tx }) as never);
    let calls = 0;
    vi.spyOn(wallet, "sendTransaction").mockImplementation(async (tx) => {
      const n = ++calls;
      events.push(`start ${n} nonce ${String(tx.nonce)}`);
      await new Promise((r) => setTimeout(r, n === 1 ? 30 : 1));
      events.push(`end ${n}`);
      if (n === 2) throw new Error("reverted at estimation");
      accepted++;
      return { hash: `0x${n}` } as never;
    });
    const signer = new SerialNonceManager(wallet);
    const results = await Promise.allSettled([signer.sendTransaction({}), signer.sendTransaction({}), signer.sendTransaction({})]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe("reverted at estimation");
    // Serial: each send ends before the next starts. The failed one frees its nonce: the third reuses 8.
    expect(events).toEqual(["start 1 nonce 7", "end 1", "start 2 nonce 8", "end 2", "start 3 nonce 8", "end 3"]);
    expect(nonceReads).toBe(2);
  });

  it("sends a transaction that names its nonce with that nonce, and re-reads the count for the next one", async () => {
    let accepted = 0;
    const fake = { getTransactionCount: async () => 3 + accepted, provider: null } as unknown as Provider;
    const wallet = Wallet.createRandom().connect(fake);
    vi.spyOn(wallet, "populateTransaction").mockImplementation(async (tx) => ({ ...tx }) as never);
    const nonces: unknown[] = [];
    vi.spyOn(wallet, "sendTransaction").mockImplementation(async (tx) => {
      nonces.push(tx.nonce);
      accepted++;
      return { hash: "0x1" } as never;
    });
    const signer = new SerialNonceManager(wallet);
    await signer.sendTransaction({});
    // A replacement of the first: the worker's nonce, not the manager's next one.
    await signer.sendTransaction({ nonce: 3 });
    await signer.sendTransaction({});
    expect(nonces).toEqual([3, 3, 5]);
  });
});

describe("appChain", () => {
  const saved = { url: process.env.CHAIN_RPC_URL, address: process.env.ANCHOR_CONTRACT_ADDRESS };
  afterEach(() => {
    for (const [name, value] of [["CHAIN_RPC_URL", saved.url], ["ANCHOR_CONTRACT_ADDRESS", saved.address]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetConfigCache();
  });
  const configure = (url: string | undefined, address: string | undefined) => {
    if (url === undefined) delete process.env.CHAIN_RPC_URL;
    else process.env.CHAIN_RPC_URL = url;
    if (address === undefined) delete process.env.ANCHOR_CONTRACT_ADDRESS;
    else process.env.ANCHOR_CONTRACT_ADDRESS = address;
    resetConfigCache();
  };
  const registry = Wallet.createRandom().address;

  it("needs the chain's URL and the registry's address, and says what for", () => {
    configure(undefined, registry);
    expect(() => appChain()).toThrow("CHAIN_RPC_URL is not set: verification needs the chain's JSON-RPC URL");
    configure("http://127.0.0.1:9", undefined);
    expect(() => appChain()).toThrow("ANCHOR_CONTRACT_ADDRESS is not set: verification needs the AnchorRegistry address");
  });

  it("keeps one provider per URL across calls, and makes a new one when the URL changes", () => {
    configure("http://127.0.0.1:9", registry);
    const first = appChain();
    expect(first.contractAddress).toBe(registry);
    expect(first.provider.pollingInterval).toBe(100);
    expect(appChain().provider).toBe(first.provider);
    configure("http://127.0.0.2:9", registry);
    const second = appChain();
    expect(second.provider).not.toBe(first.provider);
    expect(appChain().provider).toBe(second.provider);
    providers.push(first.provider, second.provider);
  });
});
