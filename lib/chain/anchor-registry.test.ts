import { AbiCoder, ZeroHash, id, keccak256, toUtf8Bytes } from "ethers";
import { describe, expect, it } from "vitest";
import { ANCHORER_ROLE, anchorErrorName, anchorRegistryInterface, chunk, decodeAnchorError } from "./anchor-registry";
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
