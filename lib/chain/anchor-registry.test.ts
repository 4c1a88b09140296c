import { AbiCoder, ZeroHash, hexlify, id, keccak256, randomBytes, toUtf8Bytes, zeroPadValue } from "ethers";
import { describe, expect, it } from "vitest";
import { ANCHORER_ROLE, anchorErrorName, anchorRegistryInterface, chunk, creditAdvancedOf, decodeAnchorError, decodeAnchorsExactly, plainAnchorReadInterface } from "./anchor-registry";
import { isLoopbackUrl } from "./provider";

const root = keccak256(toUtf8Bytes("a batch"));
const account = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const alreadyAnchored = anchorRegistryInterface.encodeErrorResult("AlreadyAnchored", [root]);
const unauthorized = anchorRegistryInterface.encodeErrorResult("AccessControlUnauthorizedAccount", [account, ANCHORER_ROLE]);

describe("ANCHORER_ROLE", () => {
  it("is the contract's keccak256(\"ANCHORER_ROLE\")", () => {
    expect(ANCHORER_ROLE).toBe(keccak256(toUtf8Bytes("ANCHORER_ROLE")));
  });
});

describe("decodeAnchorError", () => {
  it("decodes revert data at the top of an error, with the error's arguments", () => {
    expect(decodeAnchorError({ code: "CALL_EXCEPTION", data: alreadyAnchored })).toEqual({ name: "AlreadyAnchored", args: [root] });
    expect(decodeAnchorError({ data: unauthorized })).toEqual({ name: "AccessControlUnauthorizedAccount", args: [account, ANCHORER_ROLE] });
  });

  it("finds revert data nested in the node's reply, as ethers wraps it", () => {
    const estimateGasFailure = { code: "CALL_EXCEPTION", data: null, info: { error: { code: 3, message: "execution reverted", data: alreadyAnchored } } };
    expect(anchorErrorName(estimateGasFailure)).toBe("AlreadyAnchored");
  });

  it("finds revert data inside a JSON response body", () => {
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, error: { code: 3, message: "execution reverted", data: anchorRegistryInterface.encodeErrorResult("ZeroRoot") } });
    expect(anchorErrorName({ code: "SERVER_ERROR", info: { responseBody: body } })).toBe("ZeroRoot");
  });

  it("reads a JSON body that starts with whitespace", () => {
    const body = `\n  ${JSON.stringify({ error: { data: anchorRegistryInterface.encodeErrorResult("ZeroRoot") } })}`;
    expect(anchorErrorName({ info: { responseBody: body } })).toBe("ZeroRoot");
    expect(anchorErrorName({ info: { responseBody: `[${JSON.stringify({ data: alreadyAnchored })}]` } })).toBe("AlreadyAnchored");
    expect(anchorErrorName({ info: { responseBody: `{ cut short ${alreadyAnchored}` }, data: alreadyAnchored })).toBe("AlreadyAnchored");
  });

  it("looks at most 8 levels deep", () => {
    const nest = (levels: number) => {
      let value: unknown = { data: alreadyAnchored };
      for (let i = 0; i < levels; i++) value = { error: value };
      return value;
    };
    expect(anchorErrorName(nest(8))).toBe("AlreadyAnchored");
    expect(anchorErrorName(nest(9))).toBeNull();
    expect(anchorErrorName({ info: { responseBody: JSON.stringify(nest(5)) } })).toBe("AlreadyAnchored");
    expect(anchorErrorName({ info: { responseBody: JSON.stringify(nest(6)) } })).toBeNull();
  });

  it("finds revert data under an Error's non-enumerable cause", () => {
    const error = new Error("send failed", { cause: { data: anchorRegistryInterface.encodeErrorResult("EmptyBatch") } });
    expect(anchorErrorName(error)).toBe("EmptyBatch");
  });

  it("returns null for reverts that are not the registry's", () => {
    const reasonString = `0x08c379a0${AbiCoder.defaultAbiCoder().encode(["string"], ["AlreadyAnchored"]).slice(2)}`;
    const panic = `0x4e487b71${AbiCoder.defaultAbiCoder().encode(["uint256"], [0x11]).slice(2)}`;
    const otherContractsError = `${id("Unrelated(bytes32)").slice(0, 10)}${ZeroHash.slice(2)}`;
    for (const data of [reasonString, panic, otherContractsError, "0x", "0x1234"]) {
      expect(anchorErrorName({ data })).toBeNull();
    }
  });

  it("returns null for anything that is not an error object, and survives cycles", () => {
    const cyclic: Record<string, unknown> = { message: "loop" };
    cyclic.self = cyclic;
    for (const value of [null, undefined, 42, "AlreadyAnchored", alreadyAnchored, new Error("AlreadyAnchored"), cyclic]) {
      expect(anchorErrorName(value)).toBeNull();
    }
  });

  it("skips selector-shaped data that does not decode and keeps looking", () => {
    const truncated = alreadyAnchored.slice(0, 20); // the selector, then half an argument
    expect(anchorErrorName({ data: truncated, info: { error: { data: alreadyAnchored } } })).toBe("AlreadyAnchored");
  });
});

describe("chunk", () => {
  it("splits in order into pieces of at most the given size", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(chunk([], 3)).toEqual([]);
  });

  it("rejects a size that is not a positive whole number", () => {
    for (const size of [0, -1, 1.5, Number.NaN]) expect(() => chunk([1], size)).toThrow(new RangeError(`chunk size must be a positive integer, got ${size}`));
  });
});

describe("isLoopbackUrl", () => {
  it("recognises this machine's addresses, whatever the scheme and port", () => {
    for (const url of ["http://127.0.0.1:8545", "http://localhost:8545", "ws://127.0.0.2:1", "http://[::1]:8545/", "http://127.10.200.255:8545"]) expect(isLoopbackUrl(url)).toBe(true);
  });

  it("treats remote and unparseable URLs as remote", () => {
    for (const url of ["https://sepolia.example.org/v3/key", "http://10.0.0.1:8545", "http://127.0.0.1.example.org", "http://my127.0.0.1:8545", "http://mylocalhost:8545", "not a url"]) {
      expect(isLoopbackUrl(url)).toBe(false);
    }
  });
});

/** A deterministic pseudo-random integer below n, so that a failure can be replayed. */
function randomInts(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((state / 2 ** 31) * n);
  };
}

/** What ethers' own decoder answers for an anchorsOf reply, as plain values; or its error's message. */
function ethersAnchors(data: string) {
  try {
    const [anchors] = plainAnchorReadInterface.decodeFunctionResult("anchorsOf", data);
    return (anchors as { timestamp: bigint; blockNumber: bigint; leafCount: bigint; anchorer: string }[]).map((a) => ({ timestamp: a.timestamp, blockNumber: a.blockNumber, leafCount: a.leafCount, anchorer: a.anchorer }));
  } catch (error) {
    return (error as Error).message;
  }
}

describe("decodeAnchorsExactly", () => {
  const coder = AbiCoder.defaultAbiCoder();
  const TYPE = "(uint64 timestamp, uint64 blockNumber, uint32 leafCount, address anchorer)[]";
  const random = randomInts(14);
  const anchor = () => [
    [1n, 2n ** 32n, 2n ** 53n + 1n, 2n ** 64n - 1n][random(4)]! - BigInt(random(2)),
    random(2) ? 0 : random(1e9),
    [0, 1, 65_536, 2 ** 32 - 1][random(4)]!,
    random(4) === 0 ? ZeroHash.slice(0, 42) : hexlify(randomBytes(20)),
  ];

  it("reads the contract's answers as ethers does, for 200 random answers of 0 to 40 anchors", () => {
    for (let i = 0; i < 200; i++) {
      const data = coder.encode([TYPE], [Array.from({ length: random(41) }, anchor)]);
      const fast = decodeAnchorsExactly(data.toUpperCase().replace("0X", "0x"));
      expect(fast, data).not.toBeNull();
      expect(fast).toEqual(ethersAnchors(data));
    }
    // 200 ABI round trips: a few hundred milliseconds alone, longer on a loaded machine.
  }, 30_000);

  it("leaves every answer of another layout to ethers, which refuses or reads it as before", () => {
    const data = coder.encode([TYPE], [[anchor(), anchor()]]);
    const words = (data.length - 2) / 64;
    const setWord = (hex: string, index: number, value: string) => `${hex.slice(0, 2 + 64 * index)}${value}${hex.slice(66 + 64 * index)}`;
    const variants = [
      "0x",
      data.slice(0, -2), // not whole words
      data.slice(0, -64), // an anchor cut short
      `${data}${"00".repeat(32)}`, // a trailing word (ethers ignores it)
      setWord(data, 0, zeroPadValue("0x40", 32)), // another offset
      setWord(data, 1, zeroPadValue("0x03", 32)), // a count beyond the data
      setWord(data, 1, `ff${"00".repeat(30)}01`), // a count with high bits
      setWord(data, 2, `01${"00".repeat(31)}`), // a timestamp above 64 bits (ethers keeps the low 64)
      setWord(data, 4, `${"00".repeat(27)}0100000000`), // a leaf count above 32 bits
      setWord(data, 5, `01${"00".repeat(31)}`), // an address above 160 bits
      `0x${"zz".repeat(32 * words)}`,
    ];
    for (const variant of variants) expect(decodeAnchorsExactly(variant), variant).toBeNull();
    // The wrapper's interface (decodeFunctionResult) then answers exactly what ethers answers.
    expect(ethersAnchors(variants[3]!)).toEqual(decodeAnchorsExactly(data));
    expect(ethersAnchors(variants[0]!)).toMatch(/could not decode result data/);
  });
});

describe("creditAdvancedOf", () => {
  const random = randomInts(41);
  const log = (creditKey: string, seq: number, digest: string) => anchorRegistryInterface.encodeEventLog("CreditAdvanced", [creditKey, seq, digest]);
  const viaEthers = (entry: { topics: string[]; data: string }) => {
    try {
      const parsed = anchorRegistryInterface.parseLog(entry)!;
      return { creditKey: (parsed.args.creditKey as string).toLowerCase(), seq: Number(parsed.args.seq), digest: (parsed.args.digest as string).toLowerCase() };
    } catch (error) {
      return (error as Error).message;
    }
  };
  const outcome = (entry: { topics: string[]; data: string }) => {
    try {
      return creditAdvancedOf(entry);
    } catch (error) {
      return (error as Error).message;
    }
  };

  it("reads 200 random heads as ethers' parseLog does, whatever the hex case", () => {
    for (let i = 0; i < 200; i++) {
      const entry = log(hexlify(randomBytes(32)), [1, 255, 2 ** 32 - 1, 1 + random(2 ** 31)][random(4)]!, hexlify(randomBytes(32)));
      const upper = { topics: entry.topics.map((t) => t.toUpperCase().replace("0X", "0x")), data: entry.data.toUpperCase().replace("0X", "0x") };
      expect(creditAdvancedOf(upper)).toEqual(viaEthers(entry));
      expect(creditAdvancedOf(entry)).toEqual(viaEthers(upper));
    }
  });

  it("answers as parseLog does for logs of another layout: extra topics, extra or short data, another event", () => {
    const entry = log(hexlify(randomBytes(32)), 7, hexlify(randomBytes(32)));
    const high = `0x${"ff".repeat(28)}00000007${entry.data.slice(66)}`; // a seq word with bits above 32
    const variants = [
      { topics: [...entry.topics, ZeroHash], data: entry.data },
      { topics: entry.topics, data: `${entry.data}${"00".repeat(32)}` },
      { topics: entry.topics, data: entry.data.slice(0, 66) },
      { topics: entry.topics.slice(0, 1), data: entry.data },
      { topics: [anchorRegistryInterface.getEvent("RootAnchored")!.topicHash, entry.topics[1]!], data: entry.data },
      { topics: [id("Unknown()"), entry.topics[1]!], data: entry.data },
      { topics: entry.topics, data: high },
    ];
    for (const variant of variants) expect(outcome(variant), JSON.stringify(variant)).toEqual(viaEthers(variant));
    expect(outcome(variants[6]!)).toEqual(expect.objectContaining({ seq: 7 }));
  });
});
