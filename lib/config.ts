import { z } from "zod";

// Every environment variable the product reads, validated in one place. Server-side only:
// nothing here may be imported by a client component (signing keys and AUTH_SECRET live here).

const hex32 = /^0x[0-9a-fA-F]{64}$/;
const address = /^0x[0-9a-fA-F]{40}$/;

const int = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `expected a whole number between ${min} and ${max}` })
    .int(`expected a whole number between ${min} and ${max}`)
    .min(min, `expected a whole number between ${min} and ${max}`)
    .max(max, `expected a whole number between ${min} and ${max}`)
    .default(fallback);

const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"], { error: 'expected "true" or "false"' })
    .transform((v) => v === "true" || v === "1")
    .default(fallback);

/** A switch that reads as a person writes it: on/off, true/false or 1/0, in any case. */
const onOff = (fallback: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(["on", "off", "true", "false", "1", "0"], { error: 'expected "on" or "off" (or true/false, 1/0)' }))
    .transform((v) => v === "on" || v === "true" || v === "1")
    .default(fallback);

/** A decimal amount of gwei ("1.5"), at most 9 decimals (1 wei). */
const gweiAmount = (fallback: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,12}(\.\d{1,9})?$/, "expected an amount of gwei, such as 30 or 1.5 (at most 9 decimals)")
    .default(fallback);

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const postgresUrl = optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
  message: "expected a postgresql:// connection URL",
});
const httpUrl = optionalString.refine((v) => v === undefined || /^(https?|wss?):\/\//.test(v), {
  message: "expected an http(s):// or ws(s):// JSON-RPC URL",
});

const rpcUrlList = optionalString.refine((v) => v === undefined || v.split(",").every((u) => u.trim() !== "" && /^(https?|wss?):\/\//.test(u.trim())), {
  message: "expected an http(s):// JSON-RPC URL, or several separated by commas",
});

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Where `npm start` keeps embedded PostgreSQL data, the local chain, uploads and secrets. */
  DATA_DIR: z.string().default(".data"),
  PORT: int(1, 65535, 3000),
  /** Web processes `npm start` runs on PORT (node:cluster shares the one listening socket); the usual name for it on hosting platforms. */
  WEB_CONCURRENCY: int(1, 64, 1),
  /** How long a web process may serve a user's dashboard queues from memory (lib/credits/queue-cache.ts; dropped at once on any change to them); 0: always read. */
  QUEUE_CACHE_SECONDS: int(0, 3600, 30),
  HOST: z.string().default("127.0.0.1"),
  /**
   * Prometheus metrics (docs/OPERATIONS.md) on this port, path /metrics; 0: not served. `npm start`
   * serves the jobs' metrics here and the web server's on the next port up.
   */
  METRICS_PORT: int(0, 65534, 0),
  /** The interface the metrics port listens on: loopback unless a scraper elsewhere needs it. */
  METRICS_HOST: z.string().default("127.0.0.1"),
  /** The least severe log line written (JSON lines on stdout; docs/OPERATIONS.md). */
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"], { error: "expected trace, debug, info, warn, error, fatal or silent" }).optional(),

  /** A real PostgreSQL, as the app's role (row privileges only); unset: `npm start` runs an embedded one. */
  DATABASE_URL: postgresUrl,
  /** The same database as the role that owns the schema and runs migrations; unset: DATABASE_URL migrates (with a warning). */
  MIGRATION_DATABASE_URL: postgresUrl,

  /**
   * Any EVM JSON-RPC endpoint, or several separated by commas (same chain, in order of
   * preference: a request that fails on one goes to the next); unset: `npm start` runs a local
   * anvil chain.
   */
  CHAIN_RPC_URL: rpcUrlList,
  /**
   * The name proof bundles give CHAIN_RPC_URL's network (lower case: sepolia). Unset:
   * "chain-<chain id>". Verifiers match a bundle's anchorings to their trusted registries by it.
   */
  CHAIN_NAME: optionalString.refine((v) => v === undefined || /^[a-z][a-z0-9-]{0,31}$/.test(v), {
    message: 'expected a lower-case network name: a letter, then letters, digits or "-" (at most 32)',
  }),
  /**
   * Further networks every batch root is anchored on, comma-separated names (hoodi,base-sepolia),
   * each configured by CHAIN_<NAME>_RPC_URL, _CHAIN_ID, _CONTRACT_ADDRESS, _FROM_BLOCK,
   * _ALLOWED_ANCHORERS and optionally _SIGNER_KEY, _CONFIRMATIONS, _MAX_FEE_GWEI,
   * _PRIORITY_FEE_GWEI (lib/chain/networks.ts). Unset: CHAIN_RPC_URL's network alone.
   */
  CHAIN_NETWORKS: optionalString,
  /** How long one JSON-RPC request may take before it is retried (ms). */
  CHAIN_RPC_TIMEOUT_MS: int(100, 600_000, 30_000),
  /** Rounds over every RPC URL after the first, for a request that met a 429, a timeout or a dropped connection (0: none). */
  CHAIN_RPC_RETRIES: int(0, 20, 4),
  /** The first backoff before a retry (ms); it doubles each round up to CHAIN_RPC_BACKOFF_MAX_MS, with full jitter. */
  CHAIN_RPC_BACKOFF_MS: int(1, 60_000, 250),
  CHAIN_RPC_BACKOFF_MAX_MS: int(1, 600_000, 10_000),
  /** Most blocks one eth_getLogs asks for (hosted RPCs cap the range: 10,000 on many, 500 or less on some free tiers); a range refused is halved. */
  CHAIN_RPC_MAX_BLOCK_RANGE: int(1, 1_000_000, 2_000),
  /** The AnchorRegistry address; unset: read from DATA_DIR/deployments/<chainId>.json. */
  ANCHOR_CONTRACT_ADDRESS: optionalString.refine((v) => v === undefined || address.test(v), {
    message: "expected a 0x-prefixed 20-byte address",
  }),
  /** Private key that sends anchoring transactions (needs the ANCHORER role and gas). */
  ANCHOR_SIGNER_KEY: optionalString.refine((v) => v === undefined || hex32.test(v), {
    message: "expected a 0x-prefixed 32-byte hex private key",
  }),
  ANCHOR_CONFIRMATIONS: int(0, 64, 1),
  /** The most the worker offers per gas for an anchoring transaction (EIP-1559 maxFeePerGas), in gwei; above it nothing is sent. */
  ANCHOR_MAX_FEE_GWEI: gweiAmount("100"),
  /** The priority fee (tip) the worker offers, in gwei. */
  ANCHOR_PRIORITY_FEE_GWEI: gweiAmount("1.5"),
  /** A transaction still in the mempool this long after it was sent is replaced (same nonce, fees 12.5% higher, up to the cap), in ms. */
  ANCHOR_REPLACE_AFTER_MS: int(1_000, 86_400_000, 180_000),
  /** Warn when the signer's balance covers fewer days of anchoring than this, at the last day's spending rate. */
  ANCHOR_BALANCE_WARN_DAYS: int(0, 365, 3),
  ANCHOR_BATCH_SIZE: int(1, 10_000, 256),
  ANCHOR_BATCH_AGE_MS: int(0, 3_600_000, 2_000),
  ANCHOR_POLL_MS: int(10, 60_000, 250),
  /** Run the anchoring worker inside `npm start` (else run `npm run worker` separately). */
  ANCHOR_WORKER: bool(true),
  /** With ANCHOR_WORKER: anchoring workers `npm start` runs, its own and ANCHOR_WORKERS − 1 `npm run worker` processes beside it. */
  ANCHOR_WORKERS: int(1, 32, 1),
  /**
   * The accounts allowed to anchor, comma-separated (the published anchorers). Verifiers flag a
   * root anchored by anyone else. Unset: the anchorer in DATA_DIR's deployment record, else any
   * current holder of the registry's anchorer role (with a warning).
   */
  ANCHOR_ALLOWED_ANCHORERS: optionalString.refine((v) => v === undefined || v.split(",").every((a) => address.test(a.trim())), {
    message: "expected comma-separated 0x-prefixed 20-byte addresses",
  }),
  /** The registry's deployment block: verifiers search logs from here. Unset: the deployment record's, else 0. */
  ANCHOR_REGISTRY_FROM_BLOCK: z.coerce.number().int().min(0).optional(),
  /** How deep a block verifiers read at (1: the latest). Unset: ANCHOR_CONFIRMATIONS. */
  VERIFY_CONFIRMATIONS: z.coerce.number().int().min(1).max(64).optional(),
  /** Verifiers warn about a milestone anchored more than this many hours after it was recorded. */
  VERIFY_LATE_ANCHOR_HOURS: int(1, 24 * 365, 24),
  /** How often the reconciliation of on-chain anchors with batches runs (ms); 0 turns the periodic run off ("Run now" still works). */
  RECONCILE_INTERVAL_MS: int(0, 86_400_000, 600_000),
  /** Blocks below the head the reconciliation leaves unread, so a reorganisation does not feed it logs that vanish. */
  RECONCILE_CONFIRMATIONS: int(0, 1_000, 2),
  /** Most blocks one eth_getLogs of the reconciliation asks for. Unset: CHAIN_RPC_MAX_BLOCK_RANGE. */
  RECONCILE_MAX_BLOCK_RANGE: z.coerce.number().int().min(1).max(1_000_000).optional(),
  /** A batch still sending or unconfirmed after this long is reported as stale (ms). */
  RECONCILE_STALE_BATCH_MS: int(60_000, 30 * 86_400_000, 3_600_000),
  /** A JSON-RPC URL safe to give browsers (no API key), for in-browser verification on /verify. */
  PUBLIC_CHAIN_RPC_URL: httpUrl,

  AUTH_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, {
    message: "expected at least 32 characters",
  }),
  AUTH_URL: httpUrl,
  AUTH_TRUST_HOST: bool(false),
  /** A session unused for this many minutes ends (sign in again); every session ends 8 hours after sign-in regardless. */
  SESSION_IDLE_MINUTES: int(1, 480, 60),

  STORAGE_DRIVER: z.enum(["local", "s3"], { error: 'expected "local" or "s3"' }).default("local"),
  /** Local document storage; defaults to DATA_DIR/documents. */
  STORAGE_DIR: optionalString,
  S3_ENDPOINT: httpUrl,
  S3_REGION: z.string().default("us-east-1"),
  S3_BUCKET: optionalString,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: bool(true),
  UPLOAD_MAX_BYTES: int(1024, 5 * 1024 * 1024 * 1024, 25 * 1024 * 1024),

  /**
   * Where e-mail goes: an SMTP URL (smtp://user:pass@host:587, smtps://… for TLS). Unset: `npm
   * start` runs a development mail catcher (maildev) and prints its address; e-mail stays queued
   * in the outbox otherwise.
   */
  SMTP_URL: optionalString.refine((v) => v === undefined || /^smtps?:\/\//.test(v), { message: "expected an smtp:// or smtps:// URL" }),
  EMAIL_FROM: z.string().default("TradeTrail <no-reply@tradetrail.invalid>"),
  /** The site's public address in e-mailed links. Unset: AUTH_URL. */
  APP_URL: httpUrl,

  /**
   * The platform administrator, who onboards organisations: `npm start` invites this address by
   * e-mail into the operator organisation (and prints the link) until it has an account.
   */
  PLATFORM_ADMIN_EMAIL: optionalString.refine((v) => v === undefined || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { message: "expected an e-mail address" }),

  /** Where `npm run backup`/`restore` find pg_dump and pg_restore (e.g. /usr/lib/postgresql/18/bin); unset: the newest suitable on PATH or in /usr/lib/postgresql. */
  PG_BIN_DIR: optionalString,

  /** Create the demo organisations and users at start (idempotent). */
  SEED_DEMO: bool(true),
  /**
   * With SEED_DEMO: once the demo world is built, the demo banks require signed steps (issue 14),
   * as a bank administrator would set it in Settings; off leaves them off.
   */
  SEED_DEMO_SIGNED_STEPS: onOff(true),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parse and check the environment; the message names every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "?");
      const got = env[name];
      return `  ${name}: ${issue.message}${got === undefined ? "" : ` (got "${redact(name, got)}")`}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example for every variable.`);
  }
  const config = result.data;
  if (config.MIGRATION_DATABASE_URL && !config.DATABASE_URL) {
    throw new ConfigError("Invalid configuration:\n  MIGRATION_DATABASE_URL: set DATABASE_URL too (the app's connection to the same database)");
  }
  if (config.STORAGE_DRIVER === "s3") {
    const missing = (["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const).filter((k) => !config[k]);
    if (missing.length > 0) {
      throw new ConfigError(`Invalid configuration:\n${missing.map((k) => `  ${k}: required when STORAGE_DRIVER=s3`).join("\n")}`);
    }
  }
  return config;
}

function redact(name: string, value: string): string {
  return /KEY|SECRET|PASSWORD/.test(name) ? "…" : value.length > 80 ? `${value.slice(0, 80)}…` : value;
}

let cached: Config | undefined;

/** The process's configuration, parsed once. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** For tests that change the environment between cases. */
export function resetConfigCache(): void {
  cached = undefined;
}

export function requireSetting<K extends keyof Config>(key: K, hint: string): NonNullable<Config[K]> {
  const value = config()[key];
  if (value === undefined || value === null) {
    throw new ConfigError(`${String(key)} is not set: ${hint}`);
  }
  return value as NonNullable<Config[K]>;
}

/** The chain's JSON-RPC URLs (CHAIN_RPC_URL split at commas), in order of preference; empty when unset. */
export function chainRpcUrls(settings: Config = config()): string[] {
  return (settings.CHAIN_RPC_URL ?? "").split(",").map((u) => u.trim()).filter((u) => u !== "");
}

/** The provider options (lib/chain/provider.ts makeProvider) the configuration asks for. */
export function chainRpcOptions(settings: Config = config()) {
  return {
    timeoutMs: settings.CHAIN_RPC_TIMEOUT_MS,
    retry: { retries: settings.CHAIN_RPC_RETRIES, baseDelayMs: settings.CHAIN_RPC_BACKOFF_MS, maxDelayMs: Math.max(settings.CHAIN_RPC_BACKOFF_MS, settings.CHAIN_RPC_BACKOFF_MAX_MS) },
    maxBlockRange: settings.CHAIN_RPC_MAX_BLOCK_RANGE,
  };
}

/** The site's public address (e-mailed links, the API's server URL): APP_URL, else AUTH_URL, else null (unknown). */
export function siteUrl(): string | null {
  return (config().APP_URL ?? config().AUTH_URL)?.replace(/\/$/, "") ?? null;
}
