import { type NextRequest, NextResponse } from "next/server";
import { readSessionCookie } from "@/lib/auth/session-cookie";
import { config as settings } from "@/lib/config";
import { PATHNAME_HEADER } from "@/lib/credits/credit-path";

// Every request outside the public paths needs a session; anything else is redirected to the
// sign-in page before it reaches a page or a server action. (Each action and page also loads
// the actor itself: this is the outer wall, not the only one.)
//
// It only reads the session cookie, never writes it. Auth.js's own middleware re-issues the
// cookie on every request it lets through; a prefetch in flight while the user signs out would
// then put the cookie back, and the user would still be signed in.
//
// This is an optimistic check: a cookie that decodes and names a session. Whether that session
// is still live (not signed out or ended, within 8 hours of sign-in, not idle) is decided by its
// user_sessions row, which currentActor (lib/auth/session.ts) reads for every page, server action
// and API call. Next.js advises against database reads here, since the proxy runs for every
// request, prefetches included; a revoked cookie gets past this wall and is stopped by the next.

export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (await readSessionCookie(request.cookies, settings().AUTH_SECRET)) {
    // The signed-in layout reads the path to answer 404 for an unknown credit (lib/credits/credit-path.ts).
    const forwarded = new Headers(request.headers);
    forwarded.set(PATHNAME_HEADER, request.nextUrl.pathname);
    return NextResponse.next({ request: { headers: forwarded } });
  }
  const signIn = new URL("/sign-in", request.nextUrl.origin);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn, 307);
}

export const config = {
  matcher: ["/((?!api/auth|api/v1|api/public|verify|sign-in|forgot-password|reset-password|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
