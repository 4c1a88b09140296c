// Every request outside the public paths needs a session; anything else is redirected to the
// sign-in page before it reaches a page or a server action. (Each action and page also loads
// the actor itself: this is the outer wall, not the only one.)
export { auth as proxy } from "@/lib/auth";

export const config = {
  matcher: ["/((?!api/auth|api/v1|api/public|verify|sign-in|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
