import { AppError } from "@/lib/errors";

// A small in-memory token bucket per client, for public endpoints that anyone can call: each
// client may burst `burst` requests, then gets `perSecond` more each second. Per process (several
// instances each allow the full rate); enough to stop one client from enumerating hashes fast.

export interface RateLimitOptions {
  burst: number;
  perSecond: number;
  /** Buckets kept at most; the stalest are dropped first (a full bucket is as good as none). */
  maxClients?: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: RateLimitOptions) {}

  /** Takes one token for `client`; returns 0 if allowed, else the seconds until the next token. */
  take(client: string, now = Date.now()): number {
    const { burst, perSecond, maxClients = 10_000 } = this.options;
    const bucket = this.buckets.get(client) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.buckets.delete(client); // re-inserted last: Map order is then least recently used first
    this.buckets.set(client, bucket);
    if (this.buckets.size > maxClients) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  }

  /** Throws TOO_MANY_REQUESTS (with the wait) when `client` has no token left. */
  check(client: string, now = Date.now()): void {
    const wait = this.take(client, now);
    if (wait > 0) throw new RateLimited(wait);
  }
}

export class RateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("TOO_MANY_REQUESTS", `Too many lookups from your address. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`);
  }
}

/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry (next start
 * sets the header to the socket's address when none is sent), else X-Real-IP. Behind no proxy a
 * client can choose its own key this way, so this limits well-behaved and casual abuse only.
 */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  return last ?? request.headers.get("x-real-ip")?.trim() ?? "unknown";
}
