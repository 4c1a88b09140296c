// Not a benchmark (`npm run bench` does not run it): a tool to see where a page's time goes.
// It serves the production build against the database `BENCH_KEEP_DATABASE=1 npx tsx
// bench/dashboard.ts` keeps (tt_bench_dashboard_kept, 100,000 credits), loads one page with 20
// clients in a closed loop while the writer changes 10 credits a second, and prints the
// throughput, p50/p95 and the web process's CPU per page; then one client alone.
//
//   PAGE=/credits npx tsx bench/profile-page.ts
//   PAGE=/ PROFILE=1 npx tsx bench/profile-page.ts     # also writes a V8 CPU profile to bench/results/profiles/
//   PAGE=/sign-in SIGNED_OUT=1 WEB_PROCESSES=2 NODE_FLAGS="--max-semi-space-size=32" npx tsx bench/profile-page.ts
//
// Machines of this kind vary by up to 1.7x from one minute to the next: compare two variants by
// alternating runs of each, several times, never by one run of each.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { db } from "@/lib/db/client";
import { creditsOfParties, startCreditWriter } from "./support/credit-writer";
import { startApp } from "./support/http-app";
import { httpClient } from "./support/http-client";
import { onCleanup, runBenchmark } from "./support/main";
import { load, round, summary } from "./support/report";
import { sessionCookie } from "./support/session";

const PAGE = process.env.PAGE ?? "/";
const SECONDS = Number(process.env.SECONDS ?? 15);
const CLIENTS = 20;
/** Requests without a session cookie (the sign-in page redirects a signed-in user). */
const signedOut = process.env.SIGNED_OUT === "1";
const DATABASE = "tt_bench_dashboard_kept";

runBenchmark("profile-page", async () => {
  const url = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/${DATABASE}`;
  process.env.DATABASE_URL = url.toString();
  // The first admin of each of the organisations bench/dashboard.ts's clients act for.
  const users = await db().$queryRawUnsafe<{ user_id: string; organization_id: string }[]>(`
    (SELECT DISTINCT ON (o.name) m.user_id, o.id AS organization_id FROM organizations o JOIN memberships m ON m.organization_id = o.id WHERE o.kind = 'BANK' AND o.name LIKE 'Bench %' ORDER BY o.name, m.created_at LIMIT 5)
    UNION ALL
    (SELECT DISTINCT ON (o.name) m.user_id, o.id AS organization_id FROM organizations o JOIN memberships m ON m.organization_id = o.id WHERE o.kind = 'CORPORATE' AND o.name LIKE 'Bench %' ORDER BY o.name, m.created_at LIMIT 5)`);
  if (users.length === 0) throw new Error(`${DATABASE} has no benchmark users: run BENCH_KEEP_DATABASE=1 npx tsx bench/dashboard.ts once first`);
  const profiles = path.resolve("bench/results/profiles");
  const profile = process.env.PROFILE === "1";
  if (profile) fs.mkdirSync(profiles, { recursive: true });
  const execArgv = [...(profile ? ["--cpu-prof", `--cpu-prof-dir=${profiles}`] : []), ...(process.env.NODE_FLAGS?.split(" ").filter(Boolean) ?? [])];
  const app = await startApp(url.toString(), console.log, { processes: Number(process.env.WEB_PROCESSES ?? 1), execArgv });
  onCleanup(() => app.stop());
  const cookies = await Promise.all(users.map(({ user_id: userId }) => sessionCookie(app.authSecret, userId, "bench/profile-page.ts")));
  const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
  onCleanup(() => pool.end());
  // As in bench/dashboard.ts: the credits the clients' organisations are party to change.
  const writer = await startCreditWriter(url.toString(), await creditsOfParties(pool, users.map((u) => u.organization_id)), 10);
  onCleanup(() => writer.stop());
  const http = httpClient(app.url, CLIENTS);
  onCleanup(async () => http.close());
  const get = async (lane: number) => {
    const response = await http.get(PAGE, { ...(signedOut ? {} : { cookie: cookies[lane % cookies.length]! }), "accept-encoding": "identity" });
    if (response.status !== 200) throw new Error(`GET ${PAGE} answered ${response.status}: ${response.body.slice(0, 200)}`);
  };
  await load(CLIENTS, 4_000, (lane) => get(lane));
  const cpuBefore = app.cpuMs();
  const run = await load(CLIENTS, SECONDS * 1_000, (lane) => get(lane));
  const cpuAfter = app.cpuMs();
  if (run.errors > 0) throw new Error(`${run.errors} requests failed, the first: ${run.firstError}`);
  const s = summary(run.latencies);
  const cpu = cpuBefore !== null && cpuAfter !== null ? `${round((cpuAfter - cpuBefore) / s.count)} ms` : "n/a";
  console.log(`GET ${PAGE}, ${CLIENTS} clients, ${app.processes} web process(es): ${Math.round(s.count / (run.elapsedMs / 1000))} req/s, p50 ${round(s.p50)} ms, p95 ${round(s.p95)} ms, errors ${run.errors}${run.firstError ? ` (${run.firstError})` : ""}; server CPU per page ${cpu}`);
  const alone = summary((await load(1, 3_000, (lane) => get(lane))).latencies);
  console.log(`GET ${PAGE}, 1 client alone: p50 ${round(alone.p50)} ms, p95 ${round(alone.p95)} ms`);
  await app.stop();
  if (profile) console.log(`CPU profile(s) in ${profiles} (open in Chrome DevTools, Performance tab)`);
});
