import pg from "pg";

// Credits changing while pages are read: `perSecond` times a second, a random credit of
// `creditIds` gets a new version, on a pg connection of the writer's own, as a lifecycle step
// changes a credit. A load that only reads would let a cache of the pages answer every request
// from memory and measure nothing but its hits.

/** The credits any of `organizationIds` is party to: what a writer changes while their pages are read. */
export async function creditsOfParties(pool: pg.Pool, organizationIds: readonly string[]): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM credits WHERE applicant_id = ANY($1::uuid[]) OR beneficiary_id = ANY($1::uuid[]) OR issuing_bank_id = ANY($1::uuid[]) OR advising_bank_id = ANY($1::uuid[]) OR confirming_bank_id = ANY($1::uuid[])`,
    [organizationIds],
  );
  return rows.map((r) => r.id);
}

/** The change each write makes: what every lifecycle step does to the credit it moves. */
export const CREDIT_CHANGE_SQL = "UPDATE credits SET version = version + 1, updated_at = now() WHERE id = $1";

export interface CreditWriter {
  perSecond: number;
  /** Changes made so far. */
  writes(): number;
  /** Changes that failed so far, and the first failure's message. */
  errors(): { count: number; first?: string };
  /** Stops writing (the change under way finishes) and closes the connection; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts writing at once, on a fixed schedule: the n-th change is due n / perSecond seconds after
 * the start, so a change held up by a busy database is followed at once by those that fell due
 * meanwhile (people taking steps do not wait for the server to be idle).
 */
export async function startCreditWriter(databaseUrl: string, creditIds: readonly string[], perSecond: number): Promise<CreditWriter> {
  if (!(perSecond > 0)) throw new Error(`startCreditWriter: perSecond must be above 0, not ${perSecond}`);
  if (creditIds.length === 0) throw new Error("startCreditWriter: no credits to change");
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {}); // a dropped connection surfaces as failed writes
  await client.connect();
  let writes = 0;
  let failed = 0;
  let firstError: string | undefined;
  let stopping = false;
  let wake: (() => void) | undefined;
  const start = performance.now();
  const running = (async () => {
    for (let n = 0; !stopping; n++) {
      const wait = start + (n * 1000) / perSecond - performance.now();
      if (wait > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
        if (stopping) break;
      }
      const id = creditIds[Math.floor(Math.random() * creditIds.length)]!;
      try {
        await client.query({ name: "bench-credit-change", text: CREDIT_CHANGE_SQL, values: [id] });
        writes++;
      } catch (error) {
        failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  })();
  let stopped: Promise<void> | undefined;
  return {
    perSecond,
    writes: () => writes,
    errors: () => ({ count: failed, first: firstError }),
    stop: () =>
      (stopped ??= (async () => {
        stopping = true;
        wake?.();
        await running;
        await client.end().catch(() => {});
      })()),
  };
}
