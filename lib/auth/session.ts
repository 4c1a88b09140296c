import { redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { cookies } from "next/headers";
import { config } from "@/lib/config";
import { readSessionCookie } from "./session-cookie";
import { sessionActor } from "./user-sessions";

/**
 * The signed-in actor for this request (loaded once per request), or null. The cookie alone is
 * not enough: its session row must be live (not ended, within 8 hours of sign-in, not idle).
 * Every page, server action and cookie-authenticated API call comes through here; proxy.ts only
 * reads the cookie, as Next.js advises for a proxy that runs before every request.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const claims = await readSessionCookie(await cookies(), config().AUTH_SECRET);
  return claims ? sessionActor(claims) : null;
});

/** For pages: the actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/** For server actions and route handlers: the actor, or an UNAUTHENTICATED error. */
export async function actorOrThrow(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return actor;
}
