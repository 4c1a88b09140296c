import { api, appliedCredit } from "./support/api";
import { expect, test } from "./support/test";
import { USERS, personAs } from "./support/users";

// Issue 15, "messages in the API": a back office reads and writes the same thread the parties see
// on the credit's Messages tab, and reads its credits in bulk with their terms. Every /api/v1
// response here is checked against openapi.json (e2e/support/conformance.ts).

type Thread = { messages: { body: string; organization: { name: string }; mine: boolean }[] };

test("a message posted through the API shows on the Messages tab, and the reply typed there is in the API", async ({ browser }) => {
  const creditId = await appliedCredit();
  await api(USERS.seller, "POST", `/credits/${creditId}/messages`, { body: "Our back office: goods ready on 12 March." });

  const buyer = await personAs(browser, USERS.buyer);
  await buyer.goto(`/credits/${creditId}?tab=messages`);
  const thread = buyer.getByRole("list", { name: "Messages" });
  await expect(thread.getByRole("listitem")).toHaveCount(1);
  await expect(thread).toContainText("Our back office: goods ready on 12 March.");
  await buyer.getByLabel("New message").fill("Thank you, noted.");
  await buyer.getByRole("button", { name: "Send message" }).click();
  await expect(thread.getByRole("listitem")).toHaveCount(2);

  const read = await api<Thread>(USERS.issuingMaker, "GET", `/credits/${creditId}/messages`);
  expect(read.messages.map((m) => [m.body, m.organization.name, m.mine])).toEqual([
    ["Our back office: goods ready on 12 March.", "Delta Pumps B.V.", false],
    ["Thank you, noted.", expect.any(String), false],
  ]);

  const bulk = await api<{ items: { id: string; terms: { amount: string; currency: string } | null }[] }>(USERS.issuingMaker, "GET", `/credits?ids=${creditId}&include=terms`);
  expect(bulk.items.map((i) => i.id)).toEqual([creditId]);
  expect(bulk.items[0]!.terms?.amount).toMatch(/^\d+(\.\d+)?$/);
  await buyer.context().close();
});
