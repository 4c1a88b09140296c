import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// `npm start` builds the production app only when its sources changed since the last build.

const INPUTS = ["app", "components", "lib", "proxy.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const STAMP = ".next/tradetrail-sources.sha256";

export function sourcesHash(root = process.cwd()): string {
  const hash = createHash("sha256");
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(full).sort()) visit(path.join(relative, entry));
    } else if (!/\.test\.tsx?$/.test(relative)) {
      hash.update(relative).update("\0").update(fs.readFileSync(full)).update("\0");
    }
  };
  INPUTS.forEach(visit);
  return hash.digest("hex");
}

export async function ensureBuilt(log: (line: string) => void, root = process.cwd()): Promise<void> {
  const current = sourcesHash(root);
  const stampFile = path.join(root, STAMP);
  const built = fs.existsSync(path.join(root, ".next/BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === current;
  if (built) {
    log("Production build is up to date.");
    return;
  }
  log("Building the app (next build)…");
  const require = createRequire(import.meta.url);
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit code ${result.status})`);
  fs.writeFileSync(stampFile, current);
}
