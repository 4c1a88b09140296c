import pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { config, requireSetting } from "@/lib/config";
import { logger } from "@/lib/observability/log";
import { countQueueRead } from "@/lib/observability/metrics";

// The dashboard's queues, cached per user in each web process and dropped as soon as a change
// that could move a credit in or out of them commits, in any process.
//
// Reading a bank's "waiting for you" costs PostgreSQL a union of one index range per awaited step
// and the credits' facts; the dashboard is the page every user opens first and comes back to, and
// between two visits most organisations' credits have not changed. So each process LISTENs on
// channel "queue_change", which the database's triggers notify on every committed change of the
// tables the queues read (migration 20261206020000_queue_change_notify): with the organisations
// party to the credit, or "*" for a change that can touch any queue. A notification bumps each
// named organisation's epoch here; a cached queue is good while its organisation's epoch is the
// one it was read under. The epoch is taken *before* the queue is read, so a change that commits
// during the read (and so may be missing from it) still drops it when its notification arrives.
//
// A notification also names the credit that changed ("<credit>:<org>,<org>"). A queue whose
// organisation heard only a few such changes since it was read is brought up to date from those
// credits alone (the `refresh` of QueueCache.get, lib/credits/waiting.ts bringQueueUpToDate)
// instead of read whole again: on a busy desk most changes are to credits outside the cut a
// dashboard shows, and leave it as it was.
//
// What this does not cover, by design: a change in flight when the page is read (its notification
// arrives within milliseconds of its commit); a queue read while the listener is down is never
// cached (and a reconnection drops everything, as notifications may have been missed). The
// deadline counts depend on the day, which is part of the key; QUEUE_CACHE_SECONDS bounds an
// entry's age in any case, and 0 turns the cache off.

/** The channel the triggers notify. */
export const QUEUE_CHANGE_CHANNEL = "queue_change";
/** The listener's application_name. */
export const QUEUE_LISTENER_NAME = "tradetrail queue listener";
/** A payload that names no organisation: the feed's own round trip (sync). */
const PING = "~";
/** Changes remembered per organisation, to bring a queue up to date from them (older ones: read whole). */
const CHANGES_KEPT = 64;

/** Where a queue's scope stood when it was read: equal positions mean no change was heard in between. */
export interface FeedPosition {
  /** Bumped by "*" and by every (re)connection: anything read before may have missed a change. */
  everything: number;
  /** The scope's own count of changes heard. */
  epoch: number;
}

/** A notification's payload: the changed credit (null when it names none) and the organisations party to it. */
function parseQueueChange(payload: string): { credit: string | null; organizations: string[] } {
  const colon = payload.indexOf(":");
  const credit = colon === -1 ? null : payload.slice(0, colon);
  return { credit: credit === "" ? null : credit, organizations: payload.slice(colon + 1).split(",").filter(Boolean) };
}

/** Every committed change that can move a credit in or out of a queue, as this process hears of them. */
export class QueueChangeFeed {
  private client: pg.Client | null = null;
  private live = false;
  private stopped = false;
  private retryMs = 500;
  private readonly epochs = new Map<string, number>();
  /** Each organisation's last changes (its epoch after each, and the credit, when named), oldest first. */
  private readonly changes = new Map<string, { epoch: number; credit: string | null }[]>();
  /** Bumped by "*" and by every (re)connection: anything read before may have missed a change. */
  private everything = 0;
  /** Bumped by every change at all (an auditor's queues span every organisation). */
  private anyChange = 0;
  private readonly pings = new Map<string, () => void>();
  private connecting: Promise<void> | null = null;

  constructor(private readonly url: string) {}

  /** Whether changes are being heard: when not, nothing may be served from a cache. */
  get listening(): boolean {
    return this.live;
  }

  /** Where `scope` stands now ("any": every change at all, an auditor's queues span every organisation). */
  position(scope: string | "any"): FeedPosition {
    return { everything: this.everything, epoch: scope === "any" ? this.anyChange : (this.epochs.get(scope) ?? 0) };
  }

  /**
   * The credits changed in organisation `scope` between `since` and now, each once; null when
   * that cannot be told: "*" or a reconnection came in between, a change named no credit, or the
   * changes go further back than the ones remembered.
   */
  changedSince(scope: string | "any", since: FeedPosition): string[] | null {
    if (scope === "any" || since.everything !== this.everything) return null;
    const now = this.epochs.get(scope) ?? 0;
    if (now === since.epoch) return [];
    const log = this.changes.get(scope) ?? [];
    const after = log.filter((change) => change.epoch > since.epoch);
    if (after.length !== now - since.epoch) return null;
    const credits = new Set<string>();
    for (const { credit } of after) {
      if (credit === null) return null;
      credits.add(credit);
    }
    return [...credits];
  }

  /** Connects and LISTENs; resolves once changes are heard (or rejects, and retries in the background). */
  start(): Promise<void> {
    this.stopped = false;
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    // Named, so that an operator sees it in pg_stat_activity (one per web process).
    const client = new pg.Client({ connectionString: this.url, application_name: QUEUE_LISTENER_NAME });
    client.on("notification", (message) => this.heard(message.payload ?? ""));
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      this.live = false;
      this.everything += 1;
      if (!this.stopped) {
        logger().warn({ component: "queue-cache", err: error?.message }, "queue change listener lost; dashboard queues are read uncached until it is back");
        this.retry();
      }
    };
    client.on("error", lost);
    client.on("end", () => lost());
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${QUEUE_CHANGE_CHANNEL}`);
    } catch (error) {
      lost(error instanceof Error ? error : new Error(String(error)));
      void client.end().catch(() => {});
      throw error;
    }
    if (this.client !== client) return;
    // Whatever was cached before this connection may have missed a change.
    this.everything += 1;
    this.live = true;
    this.retryMs = 500;
  }

  private retry(): void {
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 30_000);
    setTimeout(() => {
      if (!this.stopped && !this.client) this.start().catch(() => {});
    }, wait).unref();
  }

  private heard(payload: string): void {
    if (payload.startsWith(PING)) {
      this.pings.get(payload)?.();
      return;
    }
    this.anyChange += 1;
    if (payload === "*") {
      this.everything += 1;
      return;
    }
    const { credit, organizations } = parseQueueChange(payload);
    for (const id of organizations) {
      const epoch = (this.epochs.get(id) ?? 0) + 1;
      this.epochs.set(id, epoch);
      let log = this.changes.get(id);
      if (!log) this.changes.set(id, (log = []));
      log.push({ epoch, credit });
      if (log.length > CHANGES_KEPT) log.shift();
    }
  }

  /** Resolves once every change committed before the call has been heard (a notification of its own, which comes after them). */
  async sync(): Promise<void> {
    const client = this.client;
    if (!client || !this.live) throw new Error("queue change feed: not listening");
    const token = `${PING}${Math.random().toString(36).slice(2)}`;
    const heard = new Promise<void>((resolve) => this.pings.set(token, resolve));
    await client.query("SELECT pg_notify($1, $2)", [QUEUE_CHANGE_CHANNEL, token]);
    await heard;
    this.pings.delete(token);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = null;
    this.live = false;
    this.everything += 1;
    await client?.end().catch(() => {});
  }
}

interface Entry {
  value: unknown;
  position: FeedPosition;
  at: number;
}

const samePosition = (a: FeedPosition, b: FeedPosition) => a.everything === b.everything && a.epoch === b.epoch;

export interface QueueCacheStats {
  hits: number;
  misses: number;
  /** Misses answered by bringing the entry up to date from the credits that changed. */
  refreshed: number;
  /** Reads while the feed was not listening (never cached). */
  uncached: number;
}

/**
 * `before` brought up to date after the credits `changed` changed (read among them only), or
 * null when it cannot be, and the queue must be read whole.
 */
export type QueueRefresh<T> = (before: T, changed: string[]) => Promise<T | null>;

/** At most this many changed credits are read to bring an entry up to date; more: read whole. */
const REFRESH_AT_MOST = 16;

/** Queues by key, each good while no change to its scope is heard and for at most `ttlMs`; the least recently used go first past `maxEntries`. */
export class QueueCache {
  private readonly entries = new Map<string, Entry>();
  /** Reads in flight, by key: requests at the same position share them. */
  private readonly reading = new Map<string, { position: FeedPosition; value: Promise<unknown>; incremental: boolean }>();
  readonly stats: QueueCacheStats = { hits: 0, misses: 0, refreshed: 0, uncached: 0 };

  constructor(
    private readonly feed: QueueChangeFeed,
    private readonly options: { ttlMs: number; maxEntries?: number; now?: () => number; onRead?: (result: keyof QueueCacheStats) => void },
  ) {}

  async get<T>(key: string, scope: string | "any", read: () => Promise<T>, refresh?: QueueRefresh<T>): Promise<T> {
    if (!this.feed.listening) {
      this.count("uncached");
      return read();
    }
    const now = (this.options.now ?? Date.now)();
    // Taken before anything is read: a change heard after this is applied at the next request.
    const position = this.feed.position(scope);
    const entry = this.entries.get(key);
    const fresh = entry !== undefined && now - entry.at < this.options.ttlMs;
    if (entry && fresh && samePosition(entry.position, position)) {
      this.count("hits");
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value as T;
    }
    // Requests for one key at one position share one read.
    const inFlight = this.reading.get(key);
    if (inFlight && samePosition(inFlight.position, position)) {
      this.count(inFlight.incremental ? "refreshed" : "misses");
      return inFlight.value as Promise<T>;
    }
    const changed = entry && fresh && refresh ? this.feed.changedSince(scope, entry.position) : null;
    const incremental = changed !== null && changed.length <= REFRESH_AT_MOST;
    // A refresh that cannot tell (a credit left a full cut) falls back to a whole read: a miss.
    const whole = () => (this.count("misses"), read());
    const value = incremental ? refresh!(entry!.value as T, changed).then((result) => (result === null ? whole() : (this.count("refreshed"), result))) : whole();
    this.reading.set(key, { position, value, incremental });
    try {
      const result = await value;
      // Kept under the position taken before the read: whatever was heard since is applied next
      // time. An entry brought up to date keeps the age of its last whole read (the TTL bounds it).
      if (this.feed.listening && this.feed.position(scope).everything === position.everything) this.store(key, { value: result, position, at: incremental ? entry!.at : now });
      return result;
    } finally {
      if (this.reading.get(key)?.value === value) this.reading.delete(key);
    }
  }

  private count(result: keyof QueueCacheStats): void {
    this.stats[result] += 1;
    this.options.onRead?.(result);
  }

  private store(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    const max = this.options.maxEntries ?? 5_000;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= max) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * A user's queue: what it depends on is the user (held approvals are per maker), their roles,
 * their organisation's credits (or, for an auditor, every credit), the queue and its length, and
 * the day (deadlines in banking days).
 */
export function queueKey(actor: Actor, queue: string, limit: number, today = new Date()): { key: string; scope: string | "any" } {
  const day = today.toISOString().slice(0, 10);
  return {
    key: [queue, limit, day, actor.userId, actor.organizationId, [...actor.roles].sort().join("+")].join("|"),
    scope: actor.organizationKind === "AUDITOR" ? "any" : actor.organizationId,
  };
}

const globalForCache = globalThis as unknown as { __tradetrailQueueCache?: { url: string; cache: QueueCache | null } };

/** The process's cache (null when QUEUE_CACHE_SECONDS is 0), listening from its first use. */
function processCache(): QueueCache | null {
  const url = requireSetting("DATABASE_URL", "run the app with `npm start`, or set it to a PostgreSQL connection URL");
  const current = globalForCache.__tradetrailQueueCache;
  if (current && current.url === url) return current.cache;
  const seconds = config().QUEUE_CACHE_SECONDS;
  let cache: QueueCache | null = null;
  if (seconds > 0) {
    const feed = new QueueChangeFeed(url);
    feed.start().catch(() => {}); // retried in the background; until then queues are read uncached
    const result = { hits: "hit", misses: "miss", refreshed: "refreshed", uncached: "uncached" } as const;
    cache = new QueueCache(feed, { ttlMs: seconds * 1000, onRead: (r) => countQueueRead(result[r]) });
  }
  globalForCache.__tradetrailQueueCache = { url, cache };
  return cache;
}

/** `read()` of the actor's `queue`, from the process's cache when it holds a good one (or one `refresh` brings up to date). */
export function cachedQueue<T>(actor: Actor, queue: string, limit: number, read: () => Promise<T>, refresh?: QueueRefresh<T>): Promise<T> {
  const cache = processCache();
  if (!cache) return read();
  const { key, scope } = queueKey(actor, queue, limit);
  return cache.get(key, scope, read, refresh);
}
