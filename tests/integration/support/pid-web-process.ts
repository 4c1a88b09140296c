// A web process of tests/integration/web-cluster.test.ts: answers every request with its pid;
// with CRASH_AT_START it dies before listening, as a web server that cannot start does. It says
// so when it starts, on stdout and stderr, as `next start` does.
import http from "node:http";

if (process.env.CRASH_AT_START) process.exit(3);
console.log(`started ${process.pid} (stdout)`);
console.error(`started ${process.pid} (stderr)`);
const server = http.createServer((_req, res) => res.end(String(process.pid)));
server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
