// `npm run platform:admin -- <email>`: invites a platform administrator, who onboards
// organisations, into the operator organisation (created if missing). The invitation is e-mailed
// and its link printed here; a pending one is replaced. Reads DATABASE_URL, APP_URL and SMTP_URL.
import { ConfigError, requireSetting } from "@/lib/config";
import { disconnectDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { ensurePlatformAdministrator } from "@/lib/organizations/onboarding";

const email = process.argv[2]?.trim();
if (!email) {
  console.error("Usage: npm run platform:admin -- <email>");
  process.exit(2);
}
try {
  requireSetting("DATABASE_URL", "set it to the app's database");
  const outcome = await ensurePlatformAdministrator(email, { renew: true });
  if (outcome.status === "invited") console.log(`Invited ${email} as platform administrator until ${outcome.expiresAt.toISOString()}.\nThe link (also e-mailed; it works once): ${outcome.link}`);
  else console.log(`${email} is already a platform administrator.`);
} catch (error) {
  console.error(error instanceof ConfigError || isAppError(error) || (error instanceof Error && error.message.startsWith("Set APP_URL")) ? error.message : error);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
