import { AbiCoder, id, keccak256 } from "ethers";
import { contentHash } from "./canonical";
import type { JsonValue } from "./json";

// An organisation's key event (issue 14) is a leaf of an anchoring batch, chained like a credit's
// milestones under the organisation's own key on chain (organizationKey, credit-key.ts):
//
// digest = keccak256(abi.encode(
//   bytes32 KEY_EVENT_DOMAIN, string organizationId, uint32 seq, string kind, bytes32 contentHash,
//   bytes32 prevDigest, bytes32 salt))
//
// Browser-safe. docs/PROOF-FORMAT.md describes it for third-party verifiers.

export const KEY_EVENT_DOMAIN = id("TradeTrail.KeyEvent.v1");

export interface KeyEventLeafInput {
  organizationId: string;
  seq: number;
  kind: string;
  content: JsonValue;
  prevDigest: string;
  salt: string;
}

const HEX32 = /^0x[0-9a-f]{64}$/;

export function keyEventDigest(input: KeyEventLeafInput): string {
  if (!Number.isInteger(input.seq) || input.seq < 1 || input.seq > 0xffffffff) throw new RangeError(`Key event seq must be a positive 32-bit integer, got ${input.seq}`);
  const prev = input.prevDigest.toLowerCase();
  const salt = input.salt.toLowerCase();
  if (!HEX32.test(prev) || !HEX32.test(salt)) throw new TypeError("A key event's previous digest and salt must be 0x and 32 bytes of hex");
  return keccak256(
    AbiCoder.defaultAbiCoder().encode(
      ["bytes32", "string", "uint32", "string", "bytes32", "bytes32", "bytes32"],
      [KEY_EVENT_DOMAIN, input.organizationId, input.seq, input.kind, contentHash(input.content), prev, salt],
    ),
  );
}
