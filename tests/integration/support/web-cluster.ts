// The web side of tests/integration/several-processes.test.ts: WEB_CONCURRENCY processes of
// api-web-process.ts sharing PORT through lib/stack/cluster.ts, as `npm start` runs `next start`.
// Prints "ready" once the port answers; SIGTERM stops every process.
import path from "node:path";
import { waitForPort } from "@/lib/dev/ports";
import { startWebProcesses } from "@/lib/stack/cluster";

const port = Number(process.env.PORT);
const web = startWebProcesses({
  processes: Number(process.env.WEB_CONCURRENCY ?? 1),
  // The API's action route (api-web-process.ts), or another script of this folder (WEB_PROCESS_SCRIPT).
  exec: path.join(import.meta.dirname, process.env.WEB_PROCESS_SCRIPT ?? "api-web-process.ts"),
  args: [],
  execArgv: ["--import", "tsx"],
  env: process.env,
  log: (line) => console.log(`[web-cluster] ${line}`),
  // WEB_OUTPUT=1: the processes' output through `output`, each line marked, as a benchmark keeps it.
  ...(process.env.WEB_OUTPUT === "1" ? { output: (text: string) => text.split("\n").filter(Boolean).forEach((line) => console.log(`[output] ${line}`)) } : {}),
});
void web.exited.then(({ code, signal }) => {
  console.error(`[web-cluster] a web process exited (${signal ?? `code ${code}`})`);
  process.exit(1);
});
process.on("SIGTERM", () => void web.stop(5_000).then(() => process.exit(0)));
// Every process, not just the first: a run "with 2 processes" must not be served by one.
await web.listening;
await waitForPort(port, "127.0.0.1", 5_000);
web.started();
console.log(`ready ${web.pids().join(",")}`);
