// Applies pending migrations (npm run db:migrate): as MIGRATION_DATABASE_URL, the schema's owner,
// then grants DATABASE_URL's role row access to every table (lib/db/roles.ts).
import { config, requireSetting } from "@/lib/config";
import { migrateDatabase } from "@/lib/db/roles";

const result = await migrateDatabase({
  databaseUrl: requireSetting("DATABASE_URL", "set it to the app's connection (and MIGRATION_DATABASE_URL to the schema owner's)"),
  migrationUrl: config().MIGRATION_DATABASE_URL,
  log: console.log,
});
console.log(result.applied.length === 0 ? "Database is up to date." : `Applied ${result.applied.length} migration(s).`);
