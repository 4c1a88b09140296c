import fs from "node:fs";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

// Development and test tooling, never loaded by the app. The Prisma CLI cannot download its
// native schema engine on these machines, but the same engine ships as WebAssembly in
// @prisma/schema-engine-wasm. It diffs two schema files offline (introspecting a live database
// through the pg adapter fails on PostgreSQL's "char" catalog columns, so we never ask it to).

let loaded: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve("@prisma/schema-engine-wasm").replace(/schema_engine\.js$/, "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
      "./schema_engine_bg.js": engineBindings as unknown as WebAssembly.ModuleImports,
    });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  })();
  return loaded;
}

/**
 * The SQL Prisma Migrate would write to take a database from schema `from` (null: empty) to
 * schema `to`, as `prisma migrate diff --from-schema … --to-schema … --script` prints it.
 * `connectionString` names any reachable PostgreSQL server.
 */
export async function diffSchemaFiles(from: string | null, to: string, connectionString: string): Promise<string> {
  await loadWasm();
  // The engine insists on connecting to a server, but a diff between two schema files neither
  // reads nor writes it.
  const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  const engine = await engineBindings.SchemaEngine.new({ datamodels: undefined }, () => {}, factory);
  const target = (content: string) => ({ tag: "schemaDatamodel", files: [{ path: "schema.prisma", content }] });
  try {
    const result = await engine.diff({
      from: (from === null ? { tag: "empty" } : target(from)) as never,
      to: target(to) as never,
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return (result as { stdout?: string }).stdout ?? "";
  } finally {
    engine.free();
  }
}

export function isEmptyMigration(sql: string): boolean {
  return sql.trim() === "" || sql.includes("This is an empty migration");
}
