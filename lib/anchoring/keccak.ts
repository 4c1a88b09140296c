import jsSha3 from "js-sha3";

// keccak256 over bytes for the hot paths: the Merkle tree of a batch (~3 hashes per leaf), the
// credit keys of its heads, and each milestone's content hash and digest (a verifier recomputes
// thousands: digest.test.ts checks them against ethers). js-sha3 hashes a 160-byte input in ~12 µs where ethers' keccak256
// (@noble/hashes) takes ~60 µs, which made closing a batch of 256 credits cost ~70 ms of hashing
// (bench/anchoring.ts). merkle.test.ts checks the tree against OpenZeppelin's library and
// credit-key.test.ts the keys against ethers. Browser-safe.

/** keccak256 of `data`. */
export function keccak256Bytes(data: Uint8Array): Uint8Array {
  return new Uint8Array(jsSha3.keccak256.arrayBuffer(data));
}

/** keccak256 of `data` as 0x-prefixed lower-case hex, as ethers' keccak256 answers it. */
export function keccak256Hex(data: Uint8Array): string {
  return `0x${jsSha3.keccak256(data)}`;
}
