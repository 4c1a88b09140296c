// One web process of tests/integration/several-processes.test.ts: the API's action route (the
// real handler, bearer tokens and all) behind node:http, as a cluster worker of web-cluster.ts.
// A production `next build` takes minutes on the CI machine, too long for a bounded test; the
// route handler is the same code `next start` runs for POST /api/v1/credits/{id}/actions/{action}.
import http from "node:http";
import { POST as actionRoute } from "@/app/api/v1/credits/[creditId]/actions/[action]/route";

const ACTION = /^\/api\/v1\/credits\/([0-9a-f-]{36})\/actions\/([A-Za-z]+)$/;

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    void (async () => {
      const match = ACTION.exec(req.url ?? "");
      if (req.method !== "POST" || !match) {
        res.writeHead(404).end();
        return;
      }
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: "POST",
        headers: Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])),
        body: Buffer.concat(chunks),
      });
      const response = await actionRoute(request, { params: Promise.resolve({ creditId: match[1]!, action: match[2]! }) });
      // Which process served it: the test counts requests per process.
      res.writeHead(response.status, { "content-type": "application/json", "x-served-by": String(process.pid) });
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      console.error(error);
      res.writeHead(500).end();
    });
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
