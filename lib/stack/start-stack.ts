import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type Config, chainRpcOptions, chainRpcUrls } from "@/lib/config";
import { makeProvider, makeSigner } from "@/lib/chain/provider";
import { Wallet } from "ethers";
import { deployAnchorRegistry, readDeployment, registryVersion, resolveAnchorRegistryAddress, writeDeployment } from "@/lib/chain/deploy";
import { ANVIL_DEV_KEYS, type RunningAnvil, startAnvil } from "@/lib/dev/anvil";
import { embeddedRoles, ensureDatabase, type RunningPostgres, startEmbeddedPostgres } from "@/lib/dev/embedded-postgres";
import { adoptDatabase, ensureRoles, migrateDatabase, withCredentials } from "@/lib/db/roles";
import { StackError, atStage } from "./startup-errors";

// The infrastructure under `npm start`: a PostgreSQL (configured, or embedded under DATA_DIR),
// an EVM chain (configured, or a local anvil whose state is kept under DATA_DIR) with the
// AnchorRegistry deployed, migrations applied, and the secrets the app needs.

export interface Stack {
  /** The app role's connection: all the web server and the worker get. */
  databaseUrl: string;
  /** The embedded server's superuser on the app's database (for end-to-end tests that tamper); unset for a configured database. */
  superuserDatabaseUrl?: string;
  rpcUrl: string;
  chainId: bigint;
  contractAddress: string;
  /** Sends anchoring transactions; stays in the orchestrator process, never in the web server. */
  signerKey: string;
  authSecret: string;
  embedded: { postgres: boolean; chain: boolean };
  stop(): Promise<void>;
}

export async function startStack(config: Config, log: (line: string) => void): Promise<Stack> {
  const dataDir = path.resolve(config.DATA_DIR);
  fs.mkdirSync(dataDir, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch((error) => log(`while stopping: ${String(error)}`));
  };

  try {
    let databaseUrl = config.DATABASE_URL;
    let migrationUrl = config.MIGRATION_DATABASE_URL;
    let superuserDatabaseUrl: string | undefined;
    let postgres: RunningPostgres | undefined;
    if (!databaseUrl) {
      const embedded = await openEmbeddedDatabase(dataDir, log);
      postgres = embedded.postgres;
      stops.push(() => embedded.postgres.stop());
      ({ superuserDatabaseUrl, migrationUrl, databaseUrl } = embedded);
      // As root, PostgreSQL runs as the postgres OS user: binaries and data it cannot reach in
      // the checkout are placed in /var/lib/tradetrail (lib/dev/embedded-postgres.ts).
      const { installation, dataDirectory, linkedFrom, closedFolder } = postgres;
      log(
        `PostgreSQL: embedded${closedFolder ? `, run as the postgres user from ${installation}` : ""}, data in ${dataDirectory}` +
          `${linkedFrom ? ` (linked from ${linkedFrom})` : ""}${closedFolder ? `, because the postgres user cannot enter ${closedFolder}` : ""}`,
      );
      log(`PostgreSQL: the app connects as ${embedded.appRole}`);
    } else {
      log(`PostgreSQL: ${redactUrl(databaseUrl)}${migrationUrl ? `, migrated as ${redactUrl(migrationUrl)}` : ""}`);
    }
    const appUrl = databaseUrl;
    const migrated = await atStage(postgres ? "embedded-postgres" : "database", () => migrateDatabase({ databaseUrl: appUrl, migrationUrl, log }));
    log(migrated.applied.length ? `Applied ${migrated.applied.length} migration(s).` : "Database schema is up to date.");

    let rpcUrl = config.CHAIN_RPC_URL;
    let anvil: RunningAnvil | undefined;
    if (!rpcUrl) {
      anvil = await atStage("anvil", () => startAnvil({ stateFile: path.join(dataDir, "anvil", "state.json"), log }));
      stops.push(() => anvil!.stop());
      rpcUrl = anvil.url;
    }
    // Several URLs (CHAIN_RPC_URL=a,b): the first that answers names the chain.
    const chainUrls = anvil ? [rpcUrl] : chainRpcUrls(config);
    // Asked once, with a deadline: ethers' own network detection retries forever when the
    // endpoint is down.
    const chainId = await atStage("chain", () => firstChainId(chainUrls));
    const provider = makeProvider(chainUrls, { chainId, ...chainRpcOptions(config) });
    stops.push(async () => provider.destroy());
    // Local chain: anvil's first account deploys and administers the registry, its second anchors
    // (the registry refuses one key for both roles).
    const signerKey = config.ANCHOR_SIGNER_KEY ?? (chainId === 31337n ? ANVIL_DEV_KEYS[1] : undefined);
    if (!signerKey) {
      throw new StackError(`ANCHOR_SIGNER_KEY is not set: a funded key with the ANCHORER role is needed to anchor on chain ${chainId}.`);
    }

    let contractAddress: string;
    if (anvil && !config.ANCHOR_CONTRACT_ADDRESS) {
      // Local chain: deploy once, redeploy if the chain state was lost (anchors made before
      // then will verify as "not on chain", which is what they are).
      const known = readDeployment(dataDir, chainId);
      const version = known ? await registryVersion(provider, known.address) : null;
      if (known && version === 2) {
        contractAddress = known.address;
      } else {
        const anchorer = new Wallet(signerKey).address;
        const deployment = await deployAnchorRegistry({ signer: makeSigner(ANVIL_DEV_KEYS[0], provider), anchorer });
        writeDeployment(dataDir, deployment);
        contractAddress = deployment.address;
        const why = !known ? "deployed" : version === null ? "redeployed (the local chain was reset)" : `version 2 deployed (version ${version} stays at ${known.address})`;
        log(`AnchorRegistry ${why} at ${contractAddress}; admin ${deployment.admin}, anchorer ${deployment.anchorer}`);
      }
      log(`Chain: local anvil ${rpcUrl} (chain id ${chainId}), state in ${path.join(dataDir, "anvil")}`);
    } else {
      contractAddress = await atStage("chain", () => resolveAnchorRegistryAddress({ provider, dataDir, configuredAddress: config.ANCHOR_CONTRACT_ADDRESS }));
      log(`Chain: ${chainUrls.map(redactUrl).join(", ")} (chain id ${chainId}), AnchorRegistry ${contractAddress}`);
    }

    return {
      databaseUrl,
      superuserDatabaseUrl,
      rpcUrl,
      chainId,
      contractAddress,
      signerKey,
      authSecret: config.AUTH_SECRET ?? persistentSecret(path.join(dataDir, "auth-secret")),
      embedded: { postgres: Boolean(postgres), chain: Boolean(anvil) },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface EmbeddedDatabase {
  postgres: RunningPostgres;
  /** The server's superuser on the app's database. */
  superuserDatabaseUrl: string;
  /** The owner role: migrates, backs up and restores. */
  migrationUrl: string;
  /** The app role: row privileges only. */
  databaseUrl: string;
  /** The app role's name (granted row privileges after a migration or a restore). */
  appRole: string;
}

/**
 * Starts the embedded PostgreSQL kept under `dataDir` and makes sure its two roles and the app's
 * database exist: what `npm start` runs on, and what `npm run backup`/`restore` open when no
 * DATABASE_URL is configured and the stack is not running. The caller stops `postgres`.
 */
export async function openEmbeddedDatabase(dataDir: string, log: (line: string) => void): Promise<EmbeddedDatabase> {
  const postgres = await atStage("embedded-postgres", () => startEmbeddedPostgres({ dataDir, log }));
  try {
    // Our own server: the owner role owns the database and migrates it, the web server and the
    // worker connect as the app role, which cannot switch the guards off (lib/db/roles.ts).
    const roles = embeddedRoles(dataDir);
    const superuserDatabaseUrl = await atStage("embedded-postgres", async () => {
      await ensureRoles(postgres.url, roles);
      const url = await ensureDatabase(postgres.url, "tradetrail", roles.owner.name);
      await adoptDatabase(url, roles.owner.name);
      return url;
    });
    return {
      postgres,
      superuserDatabaseUrl,
      migrationUrl: withCredentials(superuserDatabaseUrl, roles.owner),
      databaseUrl: withCredentials(superuserDatabaseUrl, roles.app),
      appRole: roles.app.name,
    };
  } catch (error) {
    await postgres.stop();
    throw error;
  }
}

/** The chain id of a JSON-RPC endpoint (eth_chainId), or an error within `timeoutMs`. */
/** The chain id the first answering URL reports (the last failure when none answers). */
async function firstChainId(urls: readonly string[]): Promise<bigint> {
  let failure: unknown;
  for (const url of urls) {
    try {
      return await fetchChainId(url);
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

export async function fetchChainId(rpcUrl: string, timeoutMs = 15_000): Promise<bigint> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`eth_chainId answered HTTP ${response.status}`);
  const body = (await response.json()) as { result?: string; error?: { message?: string } };
  if (typeof body.result !== "string") throw new Error(`eth_chainId failed: ${body.error?.message ?? "no result"}`);
  return BigInt(body.result);
}

/** A random secret generated on first use and kept in DATA_DIR (used only when none is configured). */
function persistentSecret(file: string): string {
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "•••";
    // Hosted RPC URLs often carry an API key in the path.
    if (/^https?:$/.test(parsed.protocol) && parsed.pathname.length > 20) parsed.pathname = `${parsed.pathname.slice(0, 8)}…`;
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
