// Request bodies read with a limit counted in bytes as they arrive: a chunked body (no
// Content-Length) is cut off at the limit instead of being read whole first.

/** Reads at most `limit` bytes of the body; null when it is longer. */
export async function boundedText(request: Request, limit: number): Promise<string | null> {
  const announced = Number(request.headers.get("content-length") ?? 0);
  if (announced > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
