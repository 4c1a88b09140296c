import { z } from "zod";
import { listMessages, postMessage } from "@/lib/credits/messages";
import { AppError } from "@/lib/errors";
import { authenticated, json, readJson } from "@/lib/http/route";
import { readQuery } from "@/lib/http/query";

export const dynamic = "force-dynamic";

/** GET /api/v1/credits/{id}/messages: the parties' message thread, oldest first (parties and auditors under a grant; 404 for anyone else). */
export const GET = authenticated<{ creditId: string }>(async (request, actor, { creditId }) => {
  readQuery(new URL(request.url).searchParams, {});
  return json(await listMessages(actor, creditId));
});

const messageBody = z.object({ body: z.string({ error: "must be the message's text" }) }).strict();

/** POST /api/v1/credits/{id}/messages: post to the thread, as the Messages tab does (a party's user who is not only a viewer). */
export const POST = authenticated<{ creditId: string }>(async (request, actor, { creditId }) => {
  const parsed = messageBody.safeParse(await readJson(request, 64_000));
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => (i.code === "unrecognized_keys" ? [i.keys.join(", "), "Unknown field"] : [String(i.path[0] ?? "body"), i.message])));
    throw new AppError("INVALID_REQUEST", `Send the message as {"body": "…"}: ${Object.entries(fields).map(([k, v]) => `${k} ${v}`).join("; ")}.`, fields);
  }
  const posted = await postMessage(actor, creditId, parsed.data.body, { idempotencyKey: request.headers.get("idempotency-key") ?? undefined });
  const [message] = (await listMessages(actor, creditId, { messageId: posted.id })).messages;
  if (!message) throw new AppError("NOT_FOUND", "The message was not found.");
  return json({ message, replayed: posted.replayed ?? false }, { status: posted.replayed ? 200 : 201 });
});
