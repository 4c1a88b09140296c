// Benchmark (uploads): 1, 10 and 100 concurrent 10 MB uploads through ingestDocument (sniff,
// SHA-256, size limit, atomic write) into local disk storage, in process.
//
// Baseline, in the same run on the same disk and bytes: the same streams piped straight into a
// file through a SHA-256 hash, with none of the checks, the temporary file, the flush or the link;
// and that baseline plus one fsync per file, since ingest flushes each document before publishing
// it (durability, not computation, is what separates the two).
// The figures: MB/s, peak RSS growth over the run, and ingest throughput as a share of baseline.
//
//   npx tsx bench/upload.ts
//   BENCH_UPLOAD_CONCURRENCY=1,10 BENCH_UPLOAD_MB=10 BENCH_UPLOAD_REPEAT=3 npx tsx bench/upload.ts
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { ingestDocument } from "@/lib/documents/ingest";
import { LocalDocumentStorage } from "@/lib/storage/local";
import { onCleanup, runBenchmark } from "./support/main";
import { median, round, table, writeResult } from "./support/report";

const MB = 1024 * 1024;
const CONCURRENCY = (process.env.BENCH_UPLOAD_CONCURRENCY ?? "1,10,100").split(",").map(Number);
const FILE_MB = Number(process.env.BENCH_UPLOAD_MB ?? 10);
const REPEAT = Number(process.env.BENCH_UPLOAD_REPEAT ?? 3);
/** What a browser or HTTP client typically hands the server per read. */
const CHUNK = 64 * 1024;

interface Run {
  mbPerSecond: number;
  peakRssGrowthMb: number;
  peakArrayBuffersGrowthMb: number;
}

export interface UploadResult {
  concurrency: number;
  totalMb: number;
  ingest: Run;
  baseline: Run;
  /** The baseline plus an fsync per file, as ingest does before publishing a document. */
  flushedBaseline: Run;
  /** ingest MB/s ÷ baseline MB/s (1 = as fast as a bare write-and-hash). */
  throughputRatio: number;
  /** ingest MB/s ÷ flushed baseline MB/s: the cost of the checks alone, durability set aside. */
  flushedRatio: number;
}

/** One file's bytes, made once; each upload streams views of it, so the source costs no memory. */
function makeFile(): Buffer {
  const file = randomBytes(FILE_MB * MB);
  file.write("%PDF-1.7\n", 0, "latin1");
  return file;
}

function* chunksOf(file: Buffer): Generator<Buffer> {
  for (let offset = 0; offset < file.length; offset += CHUNK) yield file.subarray(offset, offset + CHUNK);
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Runs `task` `concurrency` times at once, sampling memory; returns throughput and peak growth. */
async function measure(concurrency: number, task: (i: number) => Promise<void>): Promise<Run> {
  gc?.();
  const start = process.memoryUsage();
  const peak = { rss: start.rss, arrayBuffers: start.arrayBuffers };
  const sample = () => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
  };
  const timer = setInterval(sample, 5);
  const t0 = performance.now();
  try {
    await Promise.all(Array.from({ length: concurrency }, (_, i) => task(i)));
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - t0) / 1000;
  sample();
  return {
    mbPerSecond: round((concurrency * FILE_MB) / seconds, 1),
    peakRssGrowthMb: round((peak.rss - start.rss) / MB, 1),
    peakArrayBuffersGrowthMb: round((peak.arrayBuffers - start.arrayBuffers) / MB, 1),
  };
}

/** The median run by throughput, with the worst memory growth seen over all runs. */
function combine(runs: Run[]): Run {
  return {
    mbPerSecond: median(runs.map((r) => r.mbPerSecond)),
    peakRssGrowthMb: Math.max(...runs.map((r) => r.peakRssGrowthMb)),
    peakArrayBuffersGrowthMb: Math.max(...runs.map((r) => r.peakArrayBuffersGrowthMb)),
  };
}

export async function main(): Promise<UploadResult[]> {
  const work = await mkdtemp(path.join(tmpdir(), "tt-bench-upload-"));
  onCleanup(() => rm(work, { recursive: true, force: true }));
  const file = makeFile();
  const expected = createHash("sha256").update(file).digest("hex");
  console.log(`upload: ${REPEAT} run(s) each of ${CONCURRENCY.join(", ")} concurrent ${FILE_MB} MB uploads in ${work}${gc ? "" : " (run with NODE_OPTIONS=--expose-gc for steadier memory figures)"}\n`);

  const results: UploadResult[] = [];
  for (const concurrency of CONCURRENCY) {
    const ingestRuns: Run[] = [];
    const baselineRuns: Run[] = [];
    const flushedRuns: Run[] = [];
    for (let repeat = 0; repeat < REPEAT; repeat++) {
      // Fresh directories each run, removed after, so the disk does not fill up and page-cache
      // state is alike for both sides. Alternate which goes first to cancel ordering effects.
      const storage = new LocalDocumentStorage(path.join(work, `ingest-${concurrency}-${repeat}`));
      const rawDir = path.join(work, `raw-${concurrency}-${repeat}`);
      await mkdir(rawDir, { recursive: true });

      const ingest = () =>
        measure(concurrency, async () => {
          const stored = await ingestDocument({ body: Readable.from(chunksOf(file)), maxBytes: 25 * MB, storage });
          if (stored.sha256 !== expected || stored.size !== file.length) throw new Error("ingestDocument stored different bytes");
        });
      const baseline = (flush: boolean) =>
        measure(concurrency, async (i) => {
          const hash = createHash("sha256");
          const hashing = new Transform({
            transform(chunk: Buffer, _encoding, callback) {
              hash.update(chunk);
              callback(null, chunk);
            },
          });
          const target = path.join(rawDir, `${flush ? "flushed" : "raw"}-${i}`);
          await pipeline(Readable.from(chunksOf(file)), hashing, createWriteStream(target));
          if (flush) {
            const handle = await open(target, "r");
            await handle.sync();
            await handle.close();
          }
          if (hash.digest("hex") !== expected) throw new Error("baseline hashed different bytes");
        });

      const order = [() => baseline(false), () => baseline(true), ingest];
      const runs = [baselineRuns, flushedRuns, ingestRuns];
      for (let k = 0; k < order.length; k++) {
        const index = (k + repeat) % order.length;
        runs[index]!.push(await order[index]!());
      }
      await Promise.all([rm(storage.root, { recursive: true, force: true }), rm(rawDir, { recursive: true, force: true })]);
    }
    const ingest = combine(ingestRuns);
    const baseline = combine(baselineRuns);
    const flushedBaseline = combine(flushedRuns);
    results.push({
      concurrency,
      totalMb: concurrency * FILE_MB,
      ingest,
      baseline,
      flushedBaseline,
      throughputRatio: round(ingest.mbPerSecond / baseline.mbPerSecond, 2),
      flushedRatio: round(ingest.mbPerSecond / flushedBaseline.mbPerSecond, 2),
    });
  }

  table(
    results.map((r) => ({
      concurrent: r.concurrency,
      "total MB": r.totalMb,
      "ingest MB/s": r.ingest.mbPerSecond,
      "baseline MB/s": r.baseline.mbPerSecond,
      "baseline+fsync MB/s": r.flushedBaseline.mbPerSecond,
      "ingest/baseline": r.throughputRatio,
      "ingest/(baseline+fsync)": r.flushedRatio,
      "ingest peak RSS +MB": r.ingest.peakRssGrowthMb,
      "baseline peak RSS +MB": r.baseline.peakRssGrowthMb,
      "ingest buffers +MB": r.ingest.peakArrayBuffersGrowthMb,
    })),
  );
  const written = writeResult("upload", { settings: { fileMb: FILE_MB, chunkKb: CHUNK / 1024, repeat: REPEAT, exposeGc: Boolean(gc) }, results });
  console.log(`\nresults: ${written}`);
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runBenchmark("upload", async () => {
    await main();
  });
}
