// Benchmark (issues 4 and 11): the credit list API, the dashboard and credit list pages and the
// dashboard queries over 100,000 credits across 50 organisations, with 20 concurrent clients for
// a bounded time each:
//
//   - GET /api/v1/credits over HTTP against `next start` (a per-organisation API token each),
//   - GET / and GET /credits, server-rendered, with a session cookie per organisation,
//     each over HTTP twice: served by one web process, then by BENCH_WEB_PROCESSES sharing the
//     port as `WEB_CONCURRENCY=<n> npm start` serves them (default: one per core),
//   - the floor under those pages, the same way: GET /sign-in (no session, no data) and GET
//     /notifications (signed in, none to show), what any page costs before it shows anything,
//   - listCredits / waitingForMe / waitingForOthers called directly (Prisma, in process),
//   - the bare SQL of the same queries (captured from those calls) through a plain pg pool of
//     the same size, as the baseline the application layers are compared with.
//
// While the HTTP measurements run, a writer changes BENCH_WRITES_PER_S credits a second (default
// 10; 0 turns it off) that the clients' organisations are party to, as lifecycle steps do: pages
// must show what changed, so a cache of them cannot answer every request (bench/support/credit-writer.ts).
// The in-process and bare-SQL measurements run without it.
//
// It ends with issue 11's targets, each p95 (with BENCH_WEB_PROCESSES processes; one process's
// beside it) against its target with pass or FAIL: dashboard page and credit list page under
// 200 ms, list API under 100 ms; then the floor's p95 beside them.
//
//   npx tsx bench/dashboard.ts
//   BENCH_SECONDS=5 BENCH_CREDITS=20000 npx tsx bench/dashboard.ts
//   BENCH_KEEP_DATABASE=1 npx tsx bench/dashboard.ts   # seeds tt_bench_dashboard_kept once, reuses it after
//   BENCH_WEB_PROCESSES=4 BENCH_WRITES_PER_S=50 npx tsx bench/dashboard.ts
//
// BENCH_ONLY=pages measures only the two pages (and the bare SQL they are compared with).
import os from "node:os";
import pg from "pg";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { API_CREDIT_ORDER } from "@/lib/api/credit-list-query";
import { createApiToken } from "@/lib/api/tokens";
import { listCredits, listCreditsSql } from "@/lib/credits/list-credits";
import { waitingForMe, waitingForMeSql, waitingForOthers, waitingForOthersSql } from "@/lib/credits/waiting";
import { db, genericPoolConfig, statementName } from "@/lib/db/client";
import { type CreditWriter, creditsOfParties, startCreditWriter } from "./support/credit-writer";
import { createBenchDatabase, markSeeded } from "./support/database";
import { type RunningApp, processCpuMs, startApp } from "./support/http-app";
import { type HttpClient, httpClient } from "./support/http-client";
import { onCleanup, runBenchmark } from "./support/main";
import { sessionCookie } from "./support/session";
import { load, ratio, round, summary, table, timed, writeResult } from "./support/report";
import { ALL_STATUSES, type Organisations, seedCredits, seedOrganisations, seedUsers } from "./support/seed";

const CREDITS = Number(process.env.BENCH_CREDITS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const KEEP = process.env.BENCH_KEEP_DATABASE === "1";
const ONLY_PAGES = process.env.BENCH_ONLY === "pages";
const CLIENTS = 20;
/** Web processes of the second HTTP round (the first has one): one per core, as a bank deploys them. */
const WEB_PROCESSES = wholeNumber("BENCH_WEB_PROCESSES", os.availableParallelism(), 1);
/** Credits changed per second while the HTTP measurements run; 0: none. */
const WRITES_PER_S = wholeNumber("BENCH_WRITES_PER_S", 10, 0);
const PAGE_SIZE = 50; // what GET /api/v1/credits returns
const POOL_SIZE = 10; // lib/db/client.ts gives Prisma's pg pool 10 connections
/** Issue 11: p95 with 20 concurrent clients over 100,000 credits. */
const TARGETS = { dashboardPage: 200, listPage: 200, listApi: 100 } as const;

function wholeNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number from ${min}, not "${raw}"`);
  return value;
}

const processesLabel = (n: number) => `${n} web process${n === 1 ? "" : "es"}`;

interface Captured {
  text: string;
  values: unknown[];
}

interface Scenario {
  actor: Actor;
  token: string;
  /** The list's first page and the next two by cursor, in the order of the /credits page (most recent activity first). */
  pages: { after?: string; sql: Captured }[];
  /**
   * Query strings of the same three pages of GET /api/v1/credits, which walks in its own order
   * (newest created first, issue 15) and refuses a cursor of the other order.
   */
  apiQueries: string[];
  waitingForMe: Captured;
  /** Null when waitingForOthers() fails (reported, and its measurement skipped). */
  waitingForOthers: Captured | null;
}

let othersError: string | undefined;

/** The organisations of a kept database seeded by an earlier run (seedOrganisations' names sort in creation order). */
async function seededOrganisations(): Promise<Organisations> {
  const rows = await db().$queryRawUnsafe<{ id: string; kind: string }[]>(`SELECT id, kind::text FROM organizations WHERE name LIKE 'Bench %' ORDER BY name`);
  return { banks: rows.filter((r) => r.kind === "BANK").map((r) => r.id), corporates: rows.filter((r) => r.kind === "CORPORATE").map((r) => r.id) };
}

async function seed(database: { url: string; reused: boolean }): Promise<Scenario[]> {
  const orgs = database.reused ? await seededOrganisations() : await seedOrganisations(20, 30);
  if (database.reused) {
    const [count] = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM credits`;
    console.log(`Reusing the kept database: ${count!.n} credits across ${orgs.banks.length + orgs.corporates.length} organisations`);
  } else {
    await seedWork(orgs);
    if (KEEP) await markSeeded(database.url);
  }
  return scenariosFor(orgs);
}

async function seedWork(orgs: Organisations): Promise<void> {
  const { ms } = await timed(async () => {
    for (let done = 0; done < CREDITS; done += 50_000) await seedCredits(Math.min(50_000, CREDITS - done), orgs, ALL_STATUSES);
    // Work that waits for someone: pending issuance approvals and presentations under examination.
    await db().$executeRawUnsafe(`
      INSERT INTO approvals (id, credit_id, kind, status, maker_id, payload)
      SELECT gen_random_uuid(), id, 'ISSUANCE', 'PENDING', gen_random_uuid(), '{}'::jsonb FROM credits WHERE status = 'ISSUANCE_PENDING'`);
    await db().$executeRawUnsafe(`
      INSERT INTO presentations (id, credit_id, number, status, presented_at, examination_deadline, claimed_amount, updated_at)
      SELECT gen_random_uuid(), id, 1, (ARRAY['PRESENTED', 'DISCREPANT', 'COMPLIANT', 'PAID']::"PresentationStatus"[])[1 + abs(hashtext(id::text)) % 4],
             now() - interval '2 days', current_date + 5, amount, now()
        FROM credits WHERE status = 'ADVISED' AND abs(hashtext(id::text)) % 3 = 0`);
    // Settle the tables as autovacuum would in production, rather than measuring it working
    // through 100,000 new rows (and unset visibility-map bits) during the first measurements.
    await db().$executeRawUnsafe("VACUUM (ANALYZE)");
  });
  console.log(`Seeded ${CREDITS} credits across 50 organisations (20 banks, 30 corporates) in ${(ms / 1000).toFixed(1)} s`);
}

async function scenariosFor(orgs: Organisations): Promise<Scenario[]> {

  // One admin per organisation; API tokens for 5 banks and 5 corporates, which the clients share out.
  const users = await seedUsers([...orgs.banks, ...orgs.corporates], ["ADMIN", "MAKER", "CHECKER"]);
  const chosen = [...orgs.banks.slice(0, 5), ...orgs.corporates.slice(0, 5)];
  const scenarios: Scenario[] = [];
  for (const orgId of chosen) {
    const actor = (await loadActor(users.get(orgId)!, orgId))!;
    const { token } = await createApiToken(actor, "Benchmark client");
    const pages: Scenario["pages"] = [];
    let after: string | undefined;
    for (let page = 0; page < 3; page++) {
      // The list runs on the pool without Prisma (readRows): its SQL comes from its own builder.
      const filters = after ? { after } : {};
      const result = await listCredits(actor, filters, PAGE_SIZE);
      const sql = listCreditsSql(actor, filters, PAGE_SIZE);
      pages.push({ after, sql: { text: sql.text, values: sql.values } });
      if (!result.next) break;
      after = result.next;
    }
    const apiQueries: string[] = [];
    let apiAfter: string | undefined;
    for (let page = 0; page < 3; page++) {
      apiQueries.push(apiAfter ? `?after=${encodeURIComponent(apiAfter)}` : "");
      const result = await listCredits(actor, { order: API_CREDIT_ORDER, ...(apiAfter ? { after: apiAfter } : {}) }, PAGE_SIZE);
      if (!result.next) break;
      apiAfter = result.next;
    }
    // The queues, too, run on the pool without Prisma: their SQL comes from their builders.
    const me = waitingForMeSql(actor)!;
    const others = await waitingForOthers(actor).then(
      () => waitingForOthersSql(actor),
      (error: unknown) => {
        othersError ??= error instanceof Error ? error.message : String(error);
        return null;
      },
    );
    scenarios.push({ actor, token, pages, apiQueries, waitingForMe: { text: me.text, values: me.values }, waitingForOthers: others ? { text: others.text, values: others.values } : null });
  }
  const visible = await Promise.all(
    scenarios.map(async (s) => (await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM credits c WHERE c.applicant_id = ${s.actor.organizationId}::uuid OR c.beneficiary_id = ${s.actor.organizationId}::uuid OR c.issuing_bank_id = ${s.actor.organizationId}::uuid OR c.advising_bank_id = ${s.actor.organizationId}::uuid`)[0]!.n),
  );
  console.log(`Clients act for ${scenarios.length} organisations, each party to ${Math.min(...visible.map(Number))}–${Math.max(...visible.map(Number))} credits\n`);
  return scenarios;
}

type Row = { query: string; via: string; requests: number; "req/s": number; p50: string; p95: string; max: string; errors: number; writes: string };
const results: (Row & { p95ms: number; webProcesses?: number })[] = [];

/** Server CPU ms per page, by page and web processes (see measure's `cpuMs`). */
const serverCpuPerPage: Record<string, number> = {};

interface MeasureOptions {
  warmUpMs?: number;
  /** The server's CPU so far: its growth per request measured goes into serverCpuPerPage under `cpuKey`. */
  cpuMs?: () => number | null;
  cpuKey?: string;
  /** The writer running meanwhile: the changes it made during the measurement are reported. */
  writer?: CreditWriter;
  /** Web processes serving an HTTP measurement. */
  webProcesses?: number;
}

type Run = Awaited<ReturnType<typeof load>>;

/** Records and prints one measurement; `writes` is what the writer did during it, if it ran. */
function record(query: string, via: string, run: Run, writes: number | undefined, webProcesses: number | undefined) {
  const s = summary(run.latencies);
  const row = { query, via, requests: s.count, "req/s": round((s.count / run.elapsedMs) * 1000, 0), p50: `${s.p50} ms`, p95: `${s.p95} ms`, max: `${s.max} ms`, errors: run.errors, writes: writes === undefined ? "" : String(writes), p95ms: s.p95, webProcesses };
  results.push(row);
  const wrote = writes === undefined ? "" : `, ${writes} credits changed meanwhile (${round((writes / run.elapsedMs) * 1000, 1)}/s)`;
  console.log(`${query} via ${via}: ${row["req/s"]} req/s, p50 ${s.p50} ms, p95 ${s.p95} ms${wrote}${run.errors ? `, ${run.errors} errors (first: ${run.firstError})` : ""}`);
  return s;
}

async function measure(query: string, via: string, task: (scenario: Scenario, i: number) => Promise<void>, scenarios: Scenario[], { warmUpMs = 1_000, cpuMs, cpuKey = query, writer, webProcesses }: MeasureOptions = {}) {
  // Warm up (JIT, plans, pool connections) before measuring.
  await load(CLIENTS, warmUpMs, (lane, i) => task(scenarios[lane % scenarios.length]!, i));
  const cpuBefore = cpuMs?.() ?? null;
  const writesBefore = writer?.writes();
  const run = await load(CLIENTS, SECONDS * 1000, (lane, i) => task(scenarios[lane % scenarios.length]!, i));
  const writes = writer ? writer.writes() - writesBefore! : undefined;
  // The server's own CPU per request under the 20 clients: unlike latency, it hardly depends on
  // what else the shared machine runs (the web processes' only, summed; PostgreSQL's is not in it).
  const cpuAfter = cpuMs?.() ?? null;
  if (cpuBefore !== null && cpuAfter !== null && run.latencies.length > 0) serverCpuPerPage[cpuKey] = round((cpuAfter - cpuBefore) / run.latencies.length, 1);
  return record(query, via, run, writes, webProcesses);
}

async function explain(pool: pg.Pool, sql: Captured): Promise<string> {
  const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values as unknown[]);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

runBenchmark("dashboard", async () => {
  const database = await createBenchDatabase("dashboard", { keep: KEEP });
  onCleanup(() => database.drop());
  console.log(`dashboard benchmark: database ${database.name}, ${CLIENTS} concurrent clients, ${SECONDS} s per measurement\n`);
  const scenarios = await seed(database);
  // The bare pool has the application's settings (jit=off and named prepared statements,
  // lib/db/client.ts). A second pool with PostgreSQL's defaults shows what JIT costs the waiting
  // queries, whose high estimated cost triggers a compile that dwarfs the query itself; one
  // unprepared run shows what planning every execution again would cost the list.
  const pool = new pg.Pool({ connectionString: database.url, max: POOL_SIZE, options: "-c jit=off" });
  const jitPool = new pg.Pool({ connectionString: database.url, max: POOL_SIZE });
  // The queues run on the app's generic-plan pool (lib/db/client.ts); their baseline does too,
  // and one run on the ordinary pool shows what PostgreSQL's own choice of custom plans costs.
  const genericPool = new pg.Pool(genericPoolConfig(database.url));
  for (const p of [pool, jitPool, genericPool]) {
    p.on("error", () => {}); // the database is dropped at the end, under idle connections
    onCleanup(() => p.end());
  }
  const prepared = (on: pg.Pool, sql: Captured) => on.query({ name: statementName(sql.text), text: sql.text, values: sql.values as unknown[] }).then(() => undefined);
  const bare = (sql: Captured) => prepared(pool, sql);
  const bareJit = (sql: Captured) => prepared(jitPool, sql);
  const bareGeneric = (sql: Captured) => prepared(genericPool, sql);
  const bareUnprepared = (sql: Captured) => pool.query(sql.text, sql.values as unknown[]).then(() => undefined);

  // The writer (issue 11): credits the clients' organisations are party to change while the pages
  // are read, so that a page must show fresh data; the bare SQL and in-process runs go without it.
  let writer: CreditWriter | undefined;
  if (WRITES_PER_S > 0) {
    const parties = scenarios.map((s) => s.actor.organizationId);
    const credits = await creditsOfParties(pool, parties);
    writer = await startCreditWriter(database.url, credits, WRITES_PER_S);
    onCleanup(() => writer!.stop());
    console.log(`Writer: ${WRITES_PER_S} credit changes a second during the HTTP measurements, each on a random one of the ${credits.length} credits the clients' organisations are party to`);
  } else {
    console.log("Writer off (BENCH_WRITES_PER_S=0): nothing changes the credits while the pages are read");
  }

  type Summary = ReturnType<typeof summary>;
  /** One HTTP round's measurements, by web processes. */
  const rounds = new Map<number, { api?: Summary; apiGzip?: Summary; dashboardPage?: Summary; listPage?: Summary; signInPage?: Summary; notificationsPage?: Summary }>();
  const httpSkipped: Record<string, string> = {};
  const pageBytes: Record<string, { bank: number; corporate: number }> = {};
  const page = (s: Scenario, i: number) => s.pages[i % s.pages.length]!;
  const processCounts = [...new Set([1, WEB_PROCESSES])];
  let appBuilt = false;
  for (const processes of processCounts) {
    const label = processesLabel(processes);
    console.log(`
HTTP, ${label}${processes > 1 ? ` sharing one port (node:cluster, as WEB_CONCURRENCY=${processes} npm start serves the site)` : ""}:`);
    let app: RunningApp | undefined;
    let client: HttpClient | undefined;
    try {
      app = await startApp(database.url, console.log, { processes });
      onCleanup(() => app!.stop());
      client = httpClient(app.url, CLIENTS);
      onCleanup(async () => client!.close());
      for (const encoding of ["identity", "gzip"]) {
        const probe = await client.get("/api/v1/credits", { authorization: `Bearer ${scenarios[0]!.token}`, "accept-encoding": encoding });
        const body = JSON.parse(probe.body) as { items?: unknown[] };
        if (probe.status !== 200 || !Array.isArray(body.items) || body.items.length !== PAGE_SIZE || (probe.encoding ?? "identity") !== encoding) {
          throw new Error(`GET /api/v1/credits (Accept-Encoding: ${encoding}) answered ${probe.status} ${probe.encoding ?? ""}: ${probe.body.slice(0, 300)}`);
        }
      }
    } catch (error) {
      httpSkipped[label] = error instanceof Error ? error.message : String(error);
      console.error(`HTTP measurement with ${label} skipped: ${httpSkipped[label]}\n`);
      client?.close();
      await app?.stop();
      continue;
    }
    const running = app;
    appBuilt ||= app.built;
    const http = client;
    const round: NonNullable<ReturnType<typeof rounds.get>> = {};
    rounds.set(processes, round);
    const underLoad = { writer, webProcesses: processes };

    const getPage = async (s: Scenario, i: number, encoding: string) => {
      const response = await http.get(`/api/v1/credits${s.apiQueries[i % s.apiQueries.length]!}`, { authorization: `Bearer ${s.token}`, "accept-encoding": encoding });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${response.body.slice(0, 200)}`);
    };
    /**
     * One client alone: the server's own latency, without queueing behind 19 others. Measured in
     * the one-process round only: one client's kept-alive connection is served by one process anyway.
     */
    const single = async (query: string, via: string, task: (i: number) => Promise<void>) => {
      const writesBefore = writer?.writes();
      const run = await load(1, 3_000, (_lane, i) => task(i));
      record(query, via, run, writer ? writer.writes() - writesBefore! : undefined, processes);
    };
    // The server's code is JIT-compiled and PostgreSQL settles on generic plans over the first
    // seconds: a longer warm-up than the in-process measurements need.
    if (!ONLY_PAGES) {
      round.api = await measure("credit list (3 pages)", `HTTP GET /api/v1/credits, ${label}`, (s, i) => getPage(s, i, "identity"), scenarios, { warmUpMs: 8_000, ...underLoad });
      // Next.js compresses when asked (a zlib stream per response); the client decompresses.
      round.apiGzip = await measure("credit list (3 pages)", `HTTP, Accept-Encoding: gzip, ${label}`, (s, i) => getPage(s, i, "gzip"), scenarios, { warmUpMs: 2_000, ...underLoad });
      if (processes === 1) await single("credit list (3 pages)", "HTTP, 1 client alone", (i) => getPage(scenarios[i % scenarios.length]!, i, "identity"));
    }

    // The pages a signed-in user opens: the dashboard (both queues) and the credit list (first
    // page and the counterparty filter), rendered by the server, with a session cookie each.
    const cookies = await Promise.all(scenarios.map((s) => sessionCookie(running.authSecret, s.actor.userId, "bench/dashboard.ts")));
    const getHtml = async (path: string, lane: number, mustContain: string) => {
      const response = await http.get(path, { cookie: cookies[lane % cookies.length]!, "accept-encoding": "identity" });
      if (response.status !== 200 || !response.body.includes(mustContain)) throw new Error(`GET ${path} answered ${response.status}: ${response.body.slice(0, 200)}`);
    };
    if (Object.keys(pageBytes).length === 0) {
      // Bytes of each page as a browser receives it (HTML with the RSC payload inlined), per organisation kind.
      for (const [path, name] of [["/", "dashboard page"], ["/credits", "credit list page"]] as const) {
        const sizes = await Promise.all([0, scenarios.length - 1].map(async (lane) => (await http.get(path, { cookie: cookies[lane]!, "accept-encoding": "identity" })).body.length));
        pageBytes[name] = { bank: sizes[0]!, corporate: sizes[1]! };
      }
      console.log(`Page sizes (bytes, bank / corporate): ${Object.entries(pageBytes).map(([n, b]) => `${n} ${b.bank} / ${b.corporate}`).join(", ")}`);
    }
    const cpu = { cpuMs: () => running.cpuMs() };
    // Each process's share of the CPU the pages took: round-robin over the clients' kept-alive
    // connections should split it about evenly, and a process with none means one served the round.
    const pids = running.pids();
    const cpuBefore = pids.map(processCpuMs);
    round.dashboardPage = await measure("dashboard page", `HTTP GET / (session), ${label}`, (s) => getHtml("/", scenarios.indexOf(s), "Waiting for you"), scenarios, { warmUpMs: 3_000, ...cpu, cpuKey: `dashboard page, ${label}`, ...underLoad });
    round.listPage = await measure("credit list page", `HTTP GET /credits (session), ${label}`, (s) => getHtml("/credits", scenarios.indexOf(s), "Counterparty"), scenarios, { warmUpMs: 3_000, ...cpu, cpuKey: `credit list page, ${label}`, ...underLoad });
    // The floor under both pages: what Next.js and this app cost for a page that reads nothing
    // (the sign-in page: proxy, security policy, a form) and for a signed-in page with nothing to
    // show (the notifications page of users who have none: the session check, the unread count
    // and the frame every signed-in page shares). No cache can help these; the targets' pages
    // cost more than them by the work their rows take.
    round.signInPage = await measure("floor: sign-in page", `HTTP GET /sign-in (no session), ${label}`, async () => {
      const response = await http.get("/sign-in", { "accept-encoding": "identity" });
      if (response.status !== 200 || !response.body.includes("Sign in")) throw new Error(`GET /sign-in answered ${response.status}: ${response.body.slice(0, 200)}`);
    }, scenarios, { warmUpMs: 3_000, ...cpu, cpuKey: `floor: sign-in page, ${label}`, ...underLoad });
    round.notificationsPage = await measure("floor: notifications page", `HTTP GET /notifications (session, none to show), ${label}`, (s) => getHtml("/notifications", scenarios.indexOf(s), "No notifications"), scenarios, { warmUpMs: 3_000, ...cpu, cpuKey: `floor: notifications page, ${label}`, ...underLoad });
    const cpuOf = (name: string) => serverCpuPerPage[`${name}, ${label}`] ?? "n/a";
    const used = pids.map((pid, i) => (processCpuMs(pid) ?? Number.NaN) - (cpuBefore[i] ?? Number.NaN));
    const total = used.reduce((sum, ms) => sum + ms, 0);
    const split = processes > 1 && total > 0 ? `; split between the processes: ${used.map((ms) => `${Math.round((ms / total) * 100)} %`).join(" / ")}` : "";
    console.log(`Server CPU per page (ms, ${processes === 1 ? "the web process" : `the ${label} summed`}): dashboard page ${cpuOf("dashboard page")}, credit list page ${cpuOf("credit list page")}, floor: sign-in page ${cpuOf("floor: sign-in page")}, notifications page ${cpuOf("floor: notifications page")}${split}`);
    if (processes === 1) {
      await single("dashboard page", "HTTP GET /, 1 client alone", (i) => getHtml("/", i % scenarios.length, "Waiting for you"));
      await single("credit list page", "HTTP GET /credits, 1 client alone", (i) => getHtml("/credits", i % scenarios.length, "Counterparty"));
    }
    http.close();
    await running.stop();
  }
  await writer?.stop();
  const writerErrors = writer?.errors();
  if (writer) console.log(`\nWriter: ${writer.writes()} credits changed in all${writerErrors!.count ? `; WARNING: ${writerErrors!.count} changes failed (first: ${writerErrors!.first})` : ""}\n`);
  const many = rounds.get(WEB_PROCESSES);
  const one = rounds.get(1);
  const manyLabel = processesLabel(WEB_PROCESSES);

  // With BENCH_ONLY=pages, only the bare SQL the pages are compared with.
  const unlessOnlyPages = <T>(run: () => Promise<T>) => (ONLY_PAGES ? Promise.resolve(undefined) : run());
  const direct = await unlessOnlyPages(() => measure("credit list (3 pages)", "listCredits()", async (s, i) => {
    const p = page(s, i);
    await listCredits(s.actor, p.after ? { after: p.after } : {}, PAGE_SIZE);
  }, scenarios));
  const viaPrisma = await unlessOnlyPages(() => measure("credit list (3 pages)", "the same SQL through Prisma's $queryRaw", async (s, i) => {
    const p = page(s, i);
    await db().$queryRaw(listCreditsSql(s.actor, p.after ? { after: p.after } : {}, PAGE_SIZE));
  }, scenarios));
  const bareList = await measure("credit list (3 pages)", "bare SQL (pg pool)", (s, i) => bare(page(s, i).sql), scenarios);
  const bareListUnprepared = await unlessOnlyPages(() => measure("credit list (3 pages)", "bare SQL, planned at every run", (s, i) => bareUnprepared(page(s, i).sql), scenarios));
  const me = await unlessOnlyPages(() => measure("waiting for me", "waitingForMe()", (s) => waitingForMe(s.actor).then(() => undefined), scenarios));
  const bareMe = await measure("waiting for me", "bare SQL (pg pool, generic plan)", (s) => bareGeneric(s.waitingForMe), scenarios);
  const bareMeCustom = await unlessOnlyPages(() => measure("waiting for me", "bare SQL, custom plans (PostgreSQL's choice)", (s) => bare(s.waitingForMe), scenarios));
  const bareMeJit = await unlessOnlyPages(() => measure("waiting for me", "bare SQL, PostgreSQL default jit=on", (s) => bareJit(s.waitingForMe), scenarios));
  let others: ReturnType<typeof summary> | undefined;
  let bareOthers: ReturnType<typeof summary> | undefined;
  let bareOthersCustom: ReturnType<typeof summary> | undefined;
  if (othersError) {
    console.error(`waiting for others: not measured, waitingForOthers() fails: ${othersError}`);
  } else {
    others = await unlessOnlyPages(() => measure("waiting for others", "waitingForOthers()", (s) => waitingForOthers(s.actor).then(() => undefined), scenarios));
    bareOthers = await measure("waiting for others", "bare SQL (pg pool, generic plan)", (s) => bareGeneric(s.waitingForOthers!), scenarios);
    bareOthersCustom = await unlessOnlyPages(() => measure("waiting for others", "bare SQL, custom plans (PostgreSQL's choice)", (s) => bare(s.waitingForOthers!), scenarios));
  }

  const writesNote = writer ? `; writes: credits changed during each HTTP measurement (${WRITES_PER_S} a second scheduled)` : "; no writer";
  console.log(`\n${CREDITS} credits, 50 organisations, ${CLIENTS} concurrent clients, ${SECONDS} s each${writesNote}:`);
  table(results.map(({ p95ms: _p95, webProcesses: _processes, ...row }) => row));
  console.log("\nRatios of p95 (application / bare SQL):");
  // The API's pages walk in their own order (newest created first); the bare list SQL in the
  // /credits page's: the API's ratio compares two queries of 50 rows each, no longer the same one.
  const httpRatios = [...rounds].flatMap(([processes, r]) => {
    const label = processesLabel(processes);
    return [
      ...(r.dashboardPage ? [{ query: "dashboard page", via: `HTTP GET /, ${label}, vs both queues' bare SQL`, "p95 ratio": ratio(r.dashboardPage.p95, bareMe.p95 + (bareOthers?.p95 ?? 0)) }] : []),
      ...(r.listPage ? [{ query: "credit list page", via: `HTTP GET /credits, ${label}, vs bare list SQL`, "p95 ratio": ratio(r.listPage.p95, bareList.p95) }] : []),
      ...(r.api ? [{ query: "credit list", via: `HTTP API, ${label}`, "p95 ratio": ratio(r.api.p95, bareList.p95) }] : []),
      ...(r.apiGzip ? [{ query: "credit list", via: `HTTP API, gzip, ${label}`, "p95 ratio": ratio(r.apiGzip.p95, bareList.p95) }] : []),
    ];
  });
  table([
    ...httpRatios,
    ...(direct ? [{ query: "credit list", via: "listCredits()", "p95 ratio": ratio(direct.p95, bareList.p95) }] : []),
    ...(viaPrisma ? [{ query: "credit list", via: "Prisma $queryRaw", "p95 ratio": ratio(viaPrisma.p95, bareList.p95) }] : []),
    ...(bareListUnprepared ? [{ query: "credit list", via: "bare SQL unprepared vs prepared", "p95 ratio": ratio(bareListUnprepared.p95, bareList.p95) }] : []),
    ...(me ? [{ query: "waiting for me", via: "waitingForMe()", "p95 ratio": ratio(me.p95, bareMe.p95) }] : []),
    ...(bareMeJit ? [{ query: "waiting for me", via: "bare SQL jit=on vs jit=off", "p95 ratio": ratio(bareMeJit.p95, bareMe.p95) }] : []),
    ...(bareMeCustom ? [{ query: "waiting for me", via: "bare SQL custom plans vs generic", "p95 ratio": ratio(bareMeCustom.p95, bareMe.p95) }] : []),
    ...(bareOthers && bareOthersCustom ? [{ query: "waiting for others", via: "bare SQL custom plans vs generic", "p95 ratio": ratio(bareOthersCustom.p95, bareOthers.p95) }] : []),
    ...(others && bareOthers ? [{ query: "waiting for others", via: "waitingForOthers()", "p95 ratio": ratio(others.p95, bareOthers.p95) }] : []),
  ]);

  // Plans of the heaviest variants, run alone: where the time goes inside PostgreSQL.
  const bank = scenarios[0]!;
  const corporate = scenarios[scenarios.length - 1]!;
  const plans = {
    listBank: await explain(pool, bank.pages[0]!.sql),
    listCorporate: await explain(pool, corporate.pages[0]!.sql),
    waitingForMeBank: await explain(genericPool, bank.waitingForMe),
    waitingForMeBankJitOn: await explain(jitPool, bank.waitingForMe),
    ...(bank.waitingForOthers ? { waitingForOthersBank: await explain(genericPool, bank.waitingForOthers) } : {}),
  };
  const executionTime = (plan: string) => /Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? "?";
  console.log("\nEXPLAIN ANALYZE execution time, alone:");
  const jitMs = (plan: string) => /JIT:[\s\S]*?Total ([\d.]+) ms/.exec(plan)?.[1] ?? "off";
  table(Object.entries(plans).map(([query, plan]) => ({ query, "execution ms": executionTime(plan), "of which JIT ms": jitMs(plan), "top node": plan.split("\n")[0]!.trim().slice(0, 70) })));

  // The issue's targets, each judged as a bank deploys the site (one web process per core, 20
  // concurrent clients, the writer running), with one process's p95 beside it for comparison.
  const via = `${CLIENTS} clients, ${manyLabel}`;
  const targets = [
    { measure: "dashboard page", path: "GET /", via, webProcesses: WEB_PROCESSES, p95: many?.dashboardPage?.p95, oneProcessP95: one?.dashboardPage?.p95, targetMs: TARGETS.dashboardPage },
    { measure: "credit list page", path: "GET /credits", via, webProcesses: WEB_PROCESSES, p95: many?.listPage?.p95, oneProcessP95: one?.listPage?.p95, targetMs: TARGETS.listPage },
    { measure: "list API", path: "GET /api/v1/credits", via, webProcesses: WEB_PROCESSES, p95: many?.api?.p95, oneProcessP95: one?.api?.p95, targetMs: TARGETS.listApi },
  ].map((t) => ({ ...t, met: t.p95 !== undefined && t.p95 < t.targetMs }));
  const written = writer ? `, ${WRITES_PER_S} credit changes a second` : ", no writer";
  console.log(`\nTargets (p95, ${CLIENTS} concurrent clients, ${CREDITS} credits${CREDITS < 100_000 ? ": fewer than the issue's 100,000" : ""}${written}):`);
  const shown = (p95: number | undefined) => (p95 === undefined ? "not measured" : `${p95} ms`);
  table(
    targets.map((t) => ({
      measure: `${t.measure} (${t.path})`,
      via: t.via,
      p95: shown(t.p95),
      target: `< ${t.targetMs} ms`,
      result: t.p95 === undefined ? "" : t.met ? "pass" : "FAIL",
      "p95, 1 web process": WEB_PROCESSES === 1 ? "(the same)" : shown(t.oneProcessP95),
    })),
  );
  // The floor beside the page targets: a page that misses 200 ms with nothing to show says the
  // machine, not the pages' queries or rows, sets the limit.
  const floors = [
    { measure: "floor: sign-in page", path: "GET /sign-in", what: "no session, no data", p95: many?.signInPage?.p95, oneProcessP95: one?.signInPage?.p95 },
    { measure: "floor: notifications page", path: "GET /notifications", what: "signed in, nothing to show", p95: many?.notificationsPage?.p95, oneProcessP95: one?.notificationsPage?.p95 },
  ];
  console.log(`\nThe floor under the pages (p95, the same load; the page targets are < ${TARGETS.listPage} ms):`);
  table(floors.map((f) => ({ measure: `${f.measure} (${f.path})`, what: f.what, via, p95: shown(f.p95), "p95, 1 web process": WEB_PROCESSES === 1 ? "(the same)" : shown(f.oneProcessP95) })));
  if (targets[2]!.p95 !== undefined && !targets[2]!.met) console.log(`\nPlan of the list query (bank):\n${plans.listBank}\n\nPlan of the list query (corporate):\n${plans.listCorporate}`);
  if (!targets[0]!.met) console.log(`\nPlan of waiting for me (bank):\n${plans.waitingForMeBank}`);
  const file = writeResult("dashboard", {
    settings: { credits: CREDITS, organisations: 50, clients: CLIENTS, seconds: SECONDS, pageSize: PAGE_SIZE, onlyPages: ONLY_PAGES, webProcesses: processCounts, writesPerSecond: WRITES_PER_S, httpSkipped, appBuiltByThisRun: appBuilt, loadAverage: os.loadavg() },
    writer: writer ? { writes: writer.writes(), failed: writerErrors!.count, firstError: writerErrors!.first } : null,
    pageBytes,
    serverCpuPerPage,
    waitingForOthersError: othersError,
    results,
    plans,
    targets,
    floors,
  });
  console.log(`\nResults written to ${file}`);
});
