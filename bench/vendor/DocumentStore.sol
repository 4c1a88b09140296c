// SPDX-License-Identifier: Apache-2.0
//
// OpenAttestation DocumentStore, version "2.3.0": contracts/DocumentStore.sol of the
// Open-Attestation/document-store repository at commit 4ecc363bc8a8161a931af9fcc31ffb02c93f5342
// (2021-08-13, "chore: update solidity to ^0.8.0"), Apache License 2.0, (c) its authors.
// Vendored for bench/anchoring.ts only, to measure issue(bytes32) beside AnchorRegistryV2's
// anchorRoot on the same chain. It is not part of TradeTrail and is never deployed by the app.
//
// The last version whose issue() is one mapping write and one event behind onlyOwner (later
// versions moved to upgradeable base contracts and AccessControl roles).
//
// Changes, none to the contract's logic:
// - Ownable is OpenZeppelin 5's (the project's), whose constructor takes the initial owner;
//   OpenZeppelin 4.2, which the original was built with, made the deployer the owner implicitly.
//   The constructor passes `Ownable(msg.sender)`: the same owner.
// - `revoke` declares `returns (bool)` but never returned (the upstream fix came later, in
//   "fix: invalid return in revoke function"); solc 0.8.37 only warns, so it is left as it was.
// - Formatting and the rest are byte for byte the original's.

pragma solidity ^0.8.0;

import "@openzeppelin/contracts/access/Ownable.sol";

/*
 * Legacy version for reference and backward compatibility, similar to OwnableDocumentStore
 */
contract DocumentStore is Ownable {
  string public name;
  string public version = "2.3.0";

  /// A mapping of the document hash to the block number that was issued
  mapping(bytes32 => uint256) public documentIssued;
  /// A mapping of the hash of the claim being revoked to the revocation block number
  mapping(bytes32 => uint256) public documentRevoked;

  event DocumentIssued(bytes32 indexed document);
  event DocumentRevoked(bytes32 indexed document);

  constructor(string memory _name) Ownable(msg.sender) {
    name = _name;
  }

  function issue(bytes32 document) public onlyOwner onlyNotIssued(document) {
    documentIssued[document] = block.number;
    emit DocumentIssued(document);
  }

  function bulkIssue(bytes32[] memory documents) public {
    for (uint256 i = 0; i < documents.length; i++) {
      issue(documents[i]);
    }
  }

  function getIssuedBlock(bytes32 document) public view onlyIssued(document) returns (uint256) {
    return documentIssued[document];
  }

  function isIssued(bytes32 document) public view returns (bool) {
    return (documentIssued[document] != 0);
  }

  function isIssuedBefore(bytes32 document, uint256 blockNumber) public view returns (bool) {
    return documentIssued[document] != 0 && documentIssued[document] <= blockNumber;
  }

  function revoke(bytes32 document) public onlyOwner onlyNotRevoked(document) returns (bool) {
    documentRevoked[document] = block.number;
    emit DocumentRevoked(document);
  }

  function bulkRevoke(bytes32[] memory documents) public {
    for (uint256 i = 0; i < documents.length; i++) {
      revoke(documents[i]);
    }
  }

  function isRevoked(bytes32 document) public view returns (bool) {
    return documentRevoked[document] != 0;
  }

  function isRevokedBefore(bytes32 document, uint256 blockNumber) public view returns (bool) {
    return documentRevoked[document] <= blockNumber && documentRevoked[document] != 0;
  }

  modifier onlyIssued(bytes32 document) {
    require(isIssued(document), "Error: Only issued document hashes can be revoked");
    _;
  }

  modifier onlyNotIssued(bytes32 document) {
    require(!isIssued(document), "Error: Only hashes that have not been issued can be issued");
    _;
  }

  modifier onlyNotRevoked(bytes32 claim) {
    require(!isRevoked(claim), "Error: Hash has been revoked previously");
    _;
  }
}
