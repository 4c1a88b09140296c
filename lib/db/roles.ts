import pg from "pg";
import { type MigrateResult, migrate } from "./migrate";

// Two database roles, so that the guards in the schema bind the application itself:
// - the OWNER owns the tables, triggers and functions and runs the migrations (not a superuser);
// - the APP role (DATABASE_URL) may only read and write rows: SELECT/INSERT/UPDATE/DELETE on the
//   tables, USAGE/SELECT on the sequences. It cannot disable, drop or replace a trigger (only an
//   owner can), cannot set session_replication_role (only a superuser can) and cannot TRUNCATE.
// A configured database brings its own roles (MIGRATION_DATABASE_URL and DATABASE_URL): their
// names are read from the URLs, never written into the migrations.

/** The role a postgresql:// URL connects as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username) || "postgres";
}

export function withCredentials(url: string, role: { name: string; password: string }): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role.name);
  parsed.password = encodeURIComponent(role.password);
  return parsed.toString();
}

async function connected<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Migrates as the owner (`migrationUrl`), then grants the app role (the user of `databaseUrl`)
 * row access to every table, including those the migrations just created. Without a migration
 * URL the app's own connection migrates, and owns the schema: the guards then do not bind it.
 */
export async function migrateDatabase(options: { databaseUrl: string; migrationUrl?: string; dir?: string; log?: (line: string) => void }): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const { databaseUrl } = options;
  if (!options.migrationUrl) {
    log(
      "warning: MIGRATION_DATABASE_URL is not set, so DATABASE_URL migrates and owns the schema: the app could disable the audit trail's triggers. " +
        "Give the app a role with row privileges only (README, Configuration).",
    );
  }
  const migrationUrl = options.migrationUrl ?? databaseUrl;
  const result = await migrate(migrationUrl, { log, dir: options.dir });
  const app = roleOf(databaseUrl);
  if (app !== roleOf(migrationUrl)) await grantAppRole(migrationUrl, app);
  if (options.migrationUrl) for (const warning of await appRoleWarnings(databaseUrl)) log(`warning: ${warning}`);
  return result;
}

/**
 * Row privileges for `appRole` on everything in the current schema, run by its owner after every
 * migration (so new tables are covered). The migrations and restores tables stay the owner's: read-only to the app.
 */
export async function grantAppRole(ownerUrl: string, appRole: string): Promise<void> {
  await connected(ownerUrl, async (client) => {
    const schema = client.escapeIdentifier((await client.query<{ s: string }>("SELECT current_schema() AS s")).rows[0]!.s);
    const role = client.escapeIdentifier(appRole);
    await client.query("BEGIN");
    await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`);
    await client.query(`REVOKE INSERT, UPDATE, DELETE ON ${schema}."_prisma_migrations" FROM ${role}`);
    // Restores are recorded by the owner (npm run restore); the app only reads them. Written by
    // the app, a made-up restore would pass an intruder's root on chain off as data lost in it.
    if ((await client.query("SELECT to_regclass('database_restores') AS t")).rows[0]?.t) {
      await client.query(`REVOKE INSERT, UPDATE, DELETE ON ${schema}."database_restores" FROM ${role}`);
    }
    await client.query("COMMIT");
  });
}

/** What would let the app role (the user of `databaseUrl`) step around the database's guards. */
export async function appRoleWarnings(databaseUrl: string): Promise<string[]> {
  return connected(databaseUrl, async (client) => {
    const { rows } = await client.query<{ name: string; superuser: boolean; bypassrls: boolean; createrole: boolean; owner: boolean }>(
      `SELECT r.rolname AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypassrls, r.rolcreaterole AS createrole,
              pg_has_role(current_user, c.relowner, 'MEMBER') AS owner
         FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = to_regclass('milestones')`,
    );
    const me = rows[0];
    if (!me) return [];
    const found = [
      me.superuser && "is a superuser",
      me.owner && "owns (or is a member of the owner of) the schema",
      me.createrole && "may create roles",
      me.bypassrls && "bypasses row-level security",
    ].filter((w): w is string => typeof w === "string");
    return found.length ? [`DATABASE_URL connects as ${me.name}, which ${found.join(" and ")}: the audit trail's triggers do not bind it.`] : [];
  });
}

export interface DatabaseRoles {
  owner: { name: string; password: string };
  app: { name: string; password: string };
}

const ROLES_LOCK = 4242003;

/**
 * Creates the two roles on a server we run ourselves (embedded, or the tests'), or brings existing
 * ones back to exactly these attributes and passwords. Needs a superuser connection.
 */
export async function ensureRoles(superuserUrl: string, roles: DatabaseRoles): Promise<void> {
  await connected(superuserUrl, async (client) => {
    await client.query("BEGIN");
    try {
      await client.query("SELECT pg_advisory_xact_lock($1)", [ROLES_LOCK]);
      for (const role of [roles.owner, roles.app]) {
        const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role.name]);
        const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(role.password)}`;
        await client.query(`${rowCount ? "ALTER" : "CREATE"} ROLE ${client.escapeIdentifier(role.name)} WITH ${attributes}`);
      }
      const member = await client.query(
        "SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = $1 AND u.rolname = $2",
        [roles.owner.name, roles.app.name],
      );
      if (member.rowCount) await client.query(`REVOKE ${client.escapeIdentifier(roles.owner.name)} FROM ${client.escapeIdentifier(roles.app.name)}`);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  });
}

/**
 * Makes `owner` the owner of database `name` and of everything in its public schema (databases
 * from before the two roles were owned by the superuser), and takes CREATE on the public schema
 * from PUBLIC (PostgreSQL before 15 grants it). Needs a superuser connection to that database.
 */
export async function adoptDatabase(superuserDatabaseUrl: string, owner: string): Promise<void> {
  await connected(superuserDatabaseUrl, async (client) => {
    const role = client.escapeIdentifier(owner);
    await client.query(`ALTER DATABASE ${client.escapeIdentifier(new URL(superuserDatabaseUrl).pathname.slice(1))} OWNER TO ${role}`);
    await client.query(`ALTER SCHEMA public OWNER TO ${role}`);
    await client.query("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    // Tables first (their identity sequences and row types follow them), then what is left.
    await client.query(`
      DO $$
      DECLARE
        target oid := ${client.escapeLiteral(owner)}::regrole;
        object record;
      BEGIN
        FOR object IN SELECT c.oid::regclass AS name FROM pg_class c
                       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relowner <> target LOOP
          EXECUTE format('ALTER TABLE %s OWNER TO %s', object.name, target::regrole);
        END LOOP;
        FOR object IN SELECT c.oid::regclass AS name FROM pg_class c
                       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S' AND c.relowner <> target LOOP
          EXECUTE format('ALTER SEQUENCE %s OWNER TO %s', object.name, target::regrole);
        END LOOP;
        FOR object IN SELECT t.oid::regtype AS name FROM pg_type t
                       WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd') AND t.typowner <> target LOOP
          EXECUTE format('ALTER TYPE %s OWNER TO %s', object.name, target::regrole);
        END LOOP;
        FOR object IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                       WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> target LOOP
          EXECUTE format('ALTER ROUTINE %s OWNER TO %s', object.name, target::regrole);
        END LOOP;
      END
      $$`);
  });
}
