// Unknown credit URLs must answer 404 (bug 9: they answered 200). The credit pages stream under
// the signed-in layout's loading boundary, and once a stream has started its status is 200 for
// good, so a page's own notFound() comes too late. The signed-in layout, which renders before
// that boundary, checks the credit named in the path instead; proxy.ts passes it the path.

/** The request header proxy.ts sets to the request's path (any value a client sends is replaced). */
export const PATHNAME_HEADER = "x-tradetrail-pathname";

/** The credit a page path names ("/credits/<id>", "/credits/<id>/audit", ...), or null ("/credits", "/credits/new", "/credits/import"). */
export function creditIdInPath(pathname: string | null | undefined): string | null {
  const match = /^\/credits\/([^/?#]+)/.exec(pathname ?? "");
  if (!match || match[1] === "new" || match[1] === "import") return null;
  return decodeURIComponent(match[1]!);
}

/** The presentation a page path names ("/credits/<id>/presentations/<id>"), or null. */
export function presentationIdInPath(pathname: string | null | undefined): string | null {
  const match = /^\/credits\/[^/?#]+\/presentations\/([^/?#]+)/.exec(pathname ?? "");
  return match ? decodeURIComponent(match[1]!) : null;
}
