import { expect, test } from "./support/test";
import { advisedCredit } from "./support/api";
import { creditIdFrom, openCredit } from "./support/credit-page";
import { USERS, personAs } from "./support/users";

// An importer saves a credit's terms as a named template, drafts a new credit from it, and
// starts another draft straight from an existing credit ("New credit from this one").

test("a template is saved from a credit and a new credit is made from it; a credit is cloned into a new draft", async ({ browser }) => {
  test.setTimeout(300_000);
  const goods = `36 units boiler feed pumps, model DP-BF${Date.now().toString().slice(-6)}`;
  const creditId = await advisedCredit({ goodsDescription: goods, amount: "87650.00" });
  const name = `Boiler feed pumps ${Date.now().toString().slice(-6)}`;
  const buyer = await personAs(browser, USERS.buyer);

  await openCredit(buyer, creditId);
  const save = buyer.getByRole("form", { name: "Save these terms as a template" });
  await save.getByLabel("Template name").fill(name);
  await save.getByRole("button", { name: "Save as template" }).click();
  await expect(save.getByRole("status")).toContainText(`Saved as template “${name}”`);
  // The same name twice is refused, with the field marked (the form was emptied after saving).
  await save.getByLabel("Template name").fill(name);
  await save.getByRole("button", { name: "Save as template" }).click();
  await expect(save.getByRole("alert")).toContainText("already has a template named");
  await expect(save.getByLabel("Template name")).toHaveAttribute("aria-invalid", "true");

  await buyer.goto("/credits/new");
  await buyer.getByRole("list", { name: "Your organisation's templates" }).getByRole("link", { name }).click();
  await expect(buyer).toHaveURL(/\/credits\/new\?template=/);
  await expect(buyer.getByLabel("Description of goods (45A)")).toHaveValue(goods);
  await expect(buyer.getByLabel("Amount (32B)")).toHaveValue("87650.00");
  await buyer.getByLabel("Beneficiary (seller)").selectOption({ label: "Delta Pumps B.V." });
  await buyer.getByLabel("Issuing bank (your bank)").selectOption({ label: "Merlion Trade Bank" });
  await buyer.getByLabel("Advising bank (the seller's bank)").selectOption({ label: "Rotterdam Maritime Bank" });
  await buyer.getByRole("button", { name: "Save draft" }).click();
  await expect(buyer).toHaveURL(/\/credits\/[0-9a-f-]{36}$/);
  const fromTemplate = creditIdFrom(buyer);
  expect(fromTemplate).not.toBe(creditId);
  await expect(buyer.getByText(goods)).toBeVisible();

  // "New credit from this one" on the original: a fresh draft with its terms and parties.
  await openCredit(buyer, creditId);
  await buyer.getByRole("button", { name: "New credit from this one" }).click();
  await expect(buyer).not.toHaveURL(new RegExp(`${creditId}|${fromTemplate}`), { timeout: 60_000 });
  await expect(buyer).toHaveURL(/\/credits\/[0-9a-f-]{36}$/);
  await expect(buyer.getByRole("heading", { level: 1 })).toContainText("Application");
  await expect(buyer.getByText(goods)).toBeVisible();

  // The seller, a party to the credit, is offered neither.
  const seller = await personAs(browser, USERS.seller);
  await openCredit(seller, creditId);
  await expect(seller.getByRole("button", { name: "New credit from this one" })).toHaveCount(0);
  await expect(seller.getByRole("form", { name: "Save these terms as a template" })).toHaveCount(0);
});
