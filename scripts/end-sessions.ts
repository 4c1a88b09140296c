// `npm run sessions:end -- <email>`: signs a user out everywhere at once, for an operator (a lost
// laptop, a departing employee, a suspected theft of a session). Reads DATABASE_URL.
import { endAllSessions } from "@/lib/auth/user-sessions";
import { ConfigError, requireSetting } from "@/lib/config";
import { db, disconnectDb } from "@/lib/db/client";

const email = process.argv[2]?.trim().toLowerCase();
if (!email) {
  console.error("Usage: npm run sessions:end -- <email>");
  process.exit(2);
}
try {
  requireSetting("DATABASE_URL", "set it to the app's database");
  const user = await db().user.findUnique({ where: { email }, select: { id: true } });
  if (!user) {
    console.error(`No user with the email address ${email}.`);
    process.exitCode = 1;
  } else {
    const ended = await endAllSessions(user.id);
    console.log(`Ended ${ended} session(s) of ${email}.`);
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
