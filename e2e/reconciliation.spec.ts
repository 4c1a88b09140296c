import { randomBytes } from "node:crypto";
import { expect, test } from "./support/test";
import { Wallet } from "ethers";
import { anchorRegistryInterface } from "../lib/chain/anchor-registry";
import { ANVIL_DEV_KEYS } from "../lib/dev/anvil";
import { rpc, runtime } from "./support/runtime";
import { USERS, personAs } from "./support/users";

// Reconciliation drill: a bank admin runs it and sees everything reconciled; someone anchors a
// root with the worker's key behind its back; the auditor's "Run now" shows it, explained; a
// trader sees none of it.

test("a bank admin and an auditor see the reconciliation, and a root anchored behind the worker's back", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await personAs(browser, USERS.issuingChecker); // checker and admin of the issuing bank
  await admin.goto("/settings");
  const panel = admin.getByRole("region", { name: "Anchor reconciliation" });
  await expect(panel.getByRole("heading", { level: 2, name: "Anchor reconciliation" })).toBeVisible();
  await panel.getByRole("button", { name: "Run now" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Reconciliation finished: everything matches." })).toBeVisible();
  await expect(panel.getByRole("heading", { level: 3, name: /Findings\s+Everything reconciled/ })).toBeVisible();
  await expect(panel.getByText(/run by Daniel Lim/)).toBeVisible();

  // The local chain's anchoring account (anvil's second key, unlocked) anchors a root no batch has.
  const root = `0x${randomBytes(32).toString("hex")}`;
  const anchorer = new Wallet(ANVIL_DEV_KEYS[1]).address;
  const data = anchorRegistryInterface.encodeFunctionData("anchorRoot", [root, 2]);
  await rpc("eth_sendTransaction", [{ from: anchorer, to: runtime().contractAddress, data }]);
  await rpc("anvil_mine", ["0x3"]); // past the reconciliation's confirmation depth

  const auditor = await personAs(browser, USERS.auditor);
  await auditor.goto("/audit");
  const auditPanel = auditor.getByRole("region", { name: "Anchor reconciliation" });
  await auditPanel.getByRole("button", { name: "Run now" }).click();
  await expect(auditPanel.getByRole("status").filter({ hasText: "Reconciliation finished with 1 finding" })).toBeVisible();
  const findings = auditPanel.getByRole("table", { name: /Reconciliation findings/ });
  await expect(findings.getByRole("row")).toHaveCount(2);
  const row = findings.getByRole("row").nth(1);
  await expect(row).toContainText("Critical");
  await expect(row).toContainText("Root on chain that no batch references");
  await expect(row).toContainText("this platform's own anchoring key");
  await expect(row.locator(`[data-hash="${root}"]`)).toBeVisible();

  // A trader has no such section (and the server refuses the action: see the integration tests).
  const trader = await personAs(browser, USERS.buyer);
  await trader.goto("/settings");
  await expect(trader.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(trader.getByRole("heading", { name: "Anchor reconciliation" })).toHaveCount(0);
});
