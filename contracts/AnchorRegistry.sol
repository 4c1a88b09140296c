// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title AnchorRegistry
/// @notice Records when the Merkle root of a batch of letter-of-credit milestone digests was
///         anchored, so an auditor can prove a milestone existed at that time with only an
///         RPC endpoint and this contract's address. Only hashes are stored: no terms, names
///         or amounts.
/// @dev Deliberately not upgradeable and without any function that edits or deletes an anchor:
///      an audit anchor is only worth something if its operator cannot change it afterwards, and
///      an upgradeable proxy would let the admin swap in code that rewrites history. A new
///      version is a new deployment; old anchors stay verifiable at the old address.
contract AnchorRegistry is AccessControl {
    /// @notice The role allowed to anchor roots (the application's anchoring worker key).
    /// @return The role identifier, keccak256("ANCHORER_ROLE").
    bytes32 public constant ANCHORER_ROLE = keccak256("ANCHORER_ROLE");

    /// @notice What the registry knows about one anchored root.
    /// @dev All zero for a root that was never anchored; `anchorer` is never zero for a real
    ///      anchor, so it doubles as the existence marker.
    struct Anchor {
        uint64 timestamp;
        uint64 blockNumber;
        uint32 leafCount;
        address anchorer;
    }

    mapping(bytes32 root => Anchor) private _anchors;

    /// @notice Emitted once per root, when it is anchored.
    /// @param root The Merkle root of the batch of milestone digests.
    /// @param anchorer The account that sent the anchoring transaction.
    /// @param leafCount How many milestone digests the batch holds.
    /// @param timestamp The timestamp of the block that anchored the root.
    event RootAnchored(bytes32 indexed root, address indexed anchorer, uint32 leafCount, uint64 timestamp);

    /// @notice The root was anchored before; a root is anchored once and never overwritten.
    /// @param root The root that is already anchored.
    error AlreadyAnchored(bytes32 root);

    /// @notice The zero root is not a Merkle root of any batch.
    error ZeroRoot();

    /// @notice A batch must hold at least one milestone digest.
    error EmptyBatch();

    /// @notice The constructor was given the zero address for the admin or the anchorer.
    error ZeroAddress();

    /// @notice Deploys the registry with its admin and first anchorer.
    /// @param admin Receives DEFAULT_ADMIN_ROLE: may grant and revoke the anchorer role.
    /// @param anchorer Receives ANCHORER_ROLE: may anchor roots.
    constructor(address admin, address anchorer) {
        if (admin == address(0) || anchorer == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ANCHORER_ROLE, anchorer);
    }

    /// @notice Anchors the Merkle root of a batch of milestone digests at the current block.
    /// @param root The batch's Merkle root; must not be zero or anchored already.
    /// @param leafCount How many milestone digests the batch holds; must not be zero.
    function anchor(bytes32 root, uint32 leafCount) external onlyRole(ANCHORER_ROLE) {
        if (root == bytes32(0)) revert ZeroRoot();
        if (leafCount == 0) revert EmptyBatch();
        if (_anchors[root].anchorer != address(0)) revert AlreadyAnchored(root);
        uint64 timestamp = uint64(block.timestamp);
        _anchors[root] = Anchor({timestamp: timestamp, blockNumber: uint64(block.number), leafCount: leafCount, anchorer: msg.sender});
        emit RootAnchored(root, msg.sender, leafCount, timestamp);
    }

    /// @notice The anchor of one root.
    /// @param root The Merkle root to look up.
    /// @return The anchor, or a zeroed struct when the root was never anchored.
    function anchorOf(bytes32 root) external view returns (Anchor memory) {
        return _anchors[root];
    }

    /// @notice Whether a root was anchored.
    /// @param root The Merkle root to look up.
    /// @return True when the root was anchored.
    function isAnchored(bytes32 root) external view returns (bool) {
        return _anchors[root].anchorer != address(0);
    }

    /// @notice The anchors of many roots in one call, for verifiers checking a whole audit trail.
    /// @param roots The Merkle roots to look up, in any order, duplicates allowed.
    /// @return anchors One entry per root, in the same order; zeroed for roots never anchored.
    function anchorsOf(bytes32[] calldata roots) external view returns (Anchor[] memory anchors) {
        anchors = new Anchor[](roots.length);
        for (uint256 i = 0; i < roots.length; ++i) {
            anchors[i] = _anchors[roots[i]];
        }
    }
}
