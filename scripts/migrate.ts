// Applies pending migrations to DATABASE_URL (npm run db:migrate).
import { requireSetting } from "@/lib/config";
import { migrate } from "@/lib/db/migrate";

const result = await migrate(requireSetting("DATABASE_URL", "set it to the database to migrate"), { log: console.log });
console.log(result.applied.length === 0 ? "Database is up to date." : `Applied ${result.applied.length} migration(s).`);
