import { type NextRequest, NextResponse } from "next/server";
import { readSessionCookie } from "@/lib/auth/session-cookie";
import { config as settings } from "@/lib/config";
import { PATHNAME_HEADER } from "@/lib/credits/credit-path";
import { contentSecurityPolicy, newNonce } from "@/lib/http/csp";

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

/** Pages anyone may open: they get the security policy, not the session check. */
const PUBLIC_PAGES = ["/sign-in", "/verify", "/forgot-password", "/reset-password", "/accept-invite"];
const isPublicPage = (path: string) => PUBLIC_PAGES.some((page) => path === page || path.startsWith(`${page}/`));

export async function proxy(request: NextRequest): Promise<NextResponse> {
  // Every page gets a content-security policy with a nonce of its own (lib/http/csp.ts). Next.js
  // reads the nonce from the request's policy header and puts it on the scripts it renders.
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", policy);
  forwarded.set("x-nonce", nonce);
  // The signed-in layout reads the path to answer 404 for an unknown credit (lib/credits/credit-path.ts);
  // whatever a client sends in that header is replaced or removed.
  forwarded.delete(PATHNAME_HEADER);
  const pass = () => {
    const response = NextResponse.next({ request: { headers: forwarded } });
    response.headers.set("content-security-policy", policy);
    return response;
  };
  if (isPublicPage(request.nextUrl.pathname)) return pass();
  if (await readSessionCookie(request.cookies, settings().AUTH_SECRET)) {
    forwarded.set(PATHNAME_HEADER, request.nextUrl.pathname);
    return pass();
  }
  const signIn = new URL("/sign-in", request.nextUrl.origin);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn, 307);
}

export const config = {
  // Everything but the API (JSON, and its own authentication), static files and the icons.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
