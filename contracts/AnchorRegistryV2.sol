// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title AnchorRegistryV2
/// @notice Records when the Merkle root of a batch of letter-of-credit milestone digests was
///         anchored, and publishes the head of every credit that advanced in the batch, so an
///         auditor can prove from the chain alone that a credit's trail is complete (not
///         truncated) and the only one (not forked). Only hashes are published: no terms, names
///         or amounts, and a credit appears only under an opaque key derived from its id.
/// @dev Version 2 of contracts/AnchorRegistry.sol (which stays deployed and verifiable).
///      Not upgradeable and without any function that edits or deletes an anchor or a head: an
///      audit anchor is only worth something if its operator cannot change it afterwards.
///      Credit heads are events, not storage: a verifier reads every head ever published for a
///      key with one eth_getLogs, and each costs ~1.6k gas instead of a 5k-22k gas SSTORE
///      (docs/ARCHITECTURE.md, "Credit heads"). The contract does not judge heads: a head that
///      contradicts another is itself the evidence of a fork.
contract AnchorRegistryV2 is AccessControl {
    /// @notice The role allowed to anchor roots (the application's anchoring worker key).
    /// @return The role identifier, keccak256("ANCHORER_ROLE").
    bytes32 public constant ANCHORER_ROLE = keccak256("ANCHORER_ROLE");

    /// @notice The version of the proof format this registry serves.
    /// @return Always 2.
    uint8 public constant VERSION = 2;

    /// @notice What the registry knows about one anchored root, as returned by anchorOf.
    struct Anchor {
        uint40 timestamp;
        uint40 blockNumber;
        uint16 leafCount;
        address anchorer;
    }

    /// @notice The size of one credit head in `anchor`'s packed `heads`: creditKey (32 bytes),
    ///         digest (32 bytes), seq (4 bytes, big-endian).
    /// @dev creditKey = keccak256(abi.encode(keccak256("TradeTrail.CreditKey.v2"), creditId)); the
    ///      digest is that of the credit's milestone with the highest seq in the batch, which
    ///      commits to every earlier milestone of the credit through the chain of prevDigests.
    ///      Packed rather than an array of structs: 68 bytes of calldata per head instead of 96.
    uint256 public constant HEAD_BYTES = 68;

    /// @dev The topic of CreditAdvanced, for the assembly that emits it.
    bytes32 private constant CREDIT_ADVANCED = keccak256("CreditAdvanced(bytes32,uint32,bytes32)");

    /// @dev One slot per root: anchorer (160 bits) | timestamp (40) | block number (40) | leaf count (16).
    mapping(bytes32 root => uint256 packed) private _anchors;

    /// @notice Emitted once per root, when it is anchored.
    /// @param root The Merkle root of the batch of milestone digests.
    /// @dev The anchorer, leaf count and time are in anchorOf(root) (and the anchorer is the
    ///      transaction's sender); keeping them out of the log keeps a root anchor under
    ///      OpenAttestation DocumentStore's 48,262 gas (bench/anchoring.ts).
    event RootAnchored(bytes32 indexed root);

    /// @notice Emitted for every credit that advanced in an anchored batch, in the same transaction.
    /// @param creditKey The credit's opaque key (see HEAD_BYTES).
    /// @param seq The seq of the credit's latest milestone in the batch.
    /// @param digest That milestone's digest.
    event CreditAdvanced(bytes32 indexed creditKey, uint32 seq, bytes32 digest);

    /// @notice The root was anchored before; a root is anchored once and never overwritten.
    /// @param root The root that is already anchored.
    error AlreadyAnchored(bytes32 root);

    /// @notice The zero root is not a Merkle root of any batch.
    error ZeroRoot();

    /// @notice A batch must hold at least one milestone digest.
    error EmptyBatch();

    /// @notice The packed heads are not a whole number of HEAD_BYTES-byte entries.
    /// @param length The length of the packed heads given.
    error MalformedHeads(uint256 length);

    /// @notice A batch cannot advance more credits than it holds milestones.
    /// @param heads How many heads were given.
    /// @param leafCount How many milestones the batch holds.
    error TooManyHeads(uint256 heads, uint16 leafCount);

    /// @notice The constructor was given the zero address for the admin or the anchorer.
    error ZeroAddress();

    /// @notice The admin and the first anchorer must be different accounts (a hot anchoring key
    ///         must not be able to grant itself or others the right to anchor).
    error AdminIsAnchorer();

    /// @notice Deploys the registry with its admin and first anchorer.
    /// @param admin Receives DEFAULT_ADMIN_ROLE: may grant and revoke the anchorer role. Keep it cold.
    /// @param anchorer Receives ANCHORER_ROLE: may anchor roots. A hot key on the worker.
    constructor(address admin, address anchorer) {
        if (admin == address(0) || anchorer == address(0)) revert ZeroAddress();
        if (admin == anchorer) revert AdminIsAnchorer();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ANCHORER_ROLE, anchorer);
    }

    /// @notice Anchors the Merkle root of a batch of milestone digests at the current block and
    ///         publishes the head of every credit that advanced in it.
    /// @param root The batch's Merkle root; must not be zero or anchored already.
    /// @param leafCount How many leaves the batch holds; must not be zero.
    /// @param heads One packed head (HEAD_BYTES each: creditKey, digest, seq) per credit with a
    ///        milestone in the batch; empty for a root that commits to no credit.
    function anchor(bytes32 root, uint16 leafCount, bytes calldata heads) external onlyRole(ANCHORER_ROLE) {
        if (heads.length % HEAD_BYTES != 0) revert MalformedHeads(heads.length);
        uint256 count = heads.length / HEAD_BYTES;
        if (count > leafCount) revert TooManyHeads(count, leafCount);
        _record(root, leafCount);
        // Emits CreditAdvanced(creditKey, seq, digest) for each packed head. Read with
        // calldataload: Solidity's calldata slices cost ~1k gas more per head (bounds checks and
        // copies), a third of a head's whole cost. The length was checked above; the last head's
        // seq word reads past the end of calldata, which the EVM pads with zeros.
        bytes32 topic0 = CREDIT_ADVANCED;
        assembly ("memory-safe") {
            let end := add(heads.offset, heads.length)
            for { let p := heads.offset } lt(p, end) { p := add(p, 68) } {
                mstore(0x00, shr(224, calldataload(add(p, 64))))
                mstore(0x20, calldataload(add(p, 32)))
                log2(0x00, 0x40, topic0, calldataload(p))
            }
        }
    }

    /// @notice Anchors a root that advances no credit: evidence of a set of digests only.
    /// @param root The Merkle root; must not be zero or anchored already.
    /// @param leafCount How many digests it commits to; must not be zero.
    function anchorRoot(bytes32 root, uint16 leafCount) external onlyRole(ANCHORER_ROLE) {
        _record(root, leafCount);
    }

    function _record(bytes32 root, uint16 leafCount) private {
        if (root == bytes32(0)) revert ZeroRoot();
        if (leafCount == 0) revert EmptyBatch();
        if (_anchors[root] != 0) revert AlreadyAnchored(root);
        _anchors[root] =
            (uint256(uint160(msg.sender)) << 96) | (uint256(uint40(block.timestamp)) << 56) | (uint256(uint40(block.number)) << 16) | leafCount;
        emit RootAnchored(root);
    }

    /// @notice The anchor of one root.
    /// @param root The Merkle root to look up.
    /// @return The anchor, or a zeroed struct when the root was never anchored.
    function anchorOf(bytes32 root) public view returns (Anchor memory) {
        uint256 packed = _anchors[root];
        return Anchor({
            timestamp: uint40(packed >> 56),
            blockNumber: uint40(packed >> 16),
            leafCount: uint16(packed),
            anchorer: address(uint160(packed >> 96))
        });
    }

    /// @notice Whether a root was anchored.
    /// @param root The Merkle root to look up.
    /// @return True when the root was anchored.
    function isAnchored(bytes32 root) external view returns (bool) {
        return _anchors[root] != 0;
    }

    /// @notice The anchors of many roots in one call, for verifiers checking a whole audit trail.
    /// @dev ABI-compatible with version 1's anchorsOf (each field is one 32-byte word either way).
    /// @param roots The Merkle roots to look up, in any order, duplicates allowed.
    /// @return anchors One entry per root, in the same order; zeroed for roots never anchored.
    function anchorsOf(bytes32[] calldata roots) external view returns (Anchor[] memory anchors) {
        anchors = new Anchor[](roots.length);
        for (uint256 i = 0; i < roots.length; ++i) {
            anchors[i] = anchorOf(roots[i]);
        }
    }
}
