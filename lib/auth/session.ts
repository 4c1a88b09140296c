import { redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { type Actor, loadActor } from "./actor";
import { auth } from "./index";

/** The signed-in actor for this request (loaded once per request), or null. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? loadActor(userId) : null;
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
