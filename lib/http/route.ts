import { NextResponse } from "next/server";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/session";
import { actorFromBearer } from "@/lib/api/tokens";
import { AppError, isAppError } from "@/lib/errors";
import { stringify } from "./json";

// Route handlers: one wrapper that authenticates (API token or session cookie), maps AppError to
// its status with a clear JSON message, and never lets a stack trace reach the client.

export type RouteContext<P> = { params: Promise<P> };

export function jsonError(error: unknown): NextResponse {
  if (isAppError(error)) return NextResponse.json(error.toJSON(), { status: error.status });
  console.error("Unhandled error in a route handler:", error);
  return NextResponse.json({ error: { code: "INTERNAL", message: "Something went wrong on our side. Nothing was changed; please try again." } }, { status: 500 });
}

/** The request's actor: a bearer token if one is sent, else the session. */
export async function requestActor(request: Request): Promise<Actor> {
  const fromToken = await actorFromBearer(request.headers.get("authorization"));
  if (fromToken) return fromToken;
  if (request.headers.get("authorization")) throw new AppError("UNAUTHENTICATED", "Send the token as: Authorization: Bearer tt_…");
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in, or send an API token (Authorization: Bearer tt_…).");
  return actor;
}

export function authenticated<P>(handler: (request: Request, actor: Actor, params: P) => Promise<Response>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const actor = await requestActor(request);
      return await handler(request, actor, await context.params);
    } catch (error) {
      return jsonError(error);
    }
  };
}

/** The JSON body of a request, or a 400 with a clear message. */
export async function readJson(request: Request, maxBytes = 1_000_000): Promise<unknown> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(maxBytes / 1000)} kB.`);
  const text = await request.text();
  if (text.length > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(maxBytes / 1000)} kB.`);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_REQUEST", "The request body is not valid JSON.");
  }
}

/** JSON with bigints as strings and dates as ISO strings. */
export function json(data: unknown, init?: ResponseInit): NextResponse {
  return new NextResponse(stringify(data), {
    ...init,
    headers: { "content-type": "application/json; charset=utf-8", ...init?.headers },
  });
}
