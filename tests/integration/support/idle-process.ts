// A stand-in for `npm run worker` in tests/integration/web-cluster.test.ts: runs until SIGTERM.
console.log(`up ${process.pid}`);
const timer = setInterval(() => {}, 1_000);
process.on("SIGTERM", () => {
  clearInterval(timer);
  process.exit(0);
});
