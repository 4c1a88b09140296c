import pg from "pg";

// What PostgreSQL's catalogs say about a database's public schema, normalised for comparison.

export interface Column {
  table: string;
  column: string;
  /** udt name: text, uuid, int4, numeric, timestamptz, _MemberRole ... */
  type: string;
  nullable: boolean;
  default: string | null;
  length: number | null;
  precision: number | null;
  scale: number | null;
  datetimePrecision: number | null;
}

export interface Index {
  table: string;
  name: string;
  unique: boolean;
  primary: boolean;
  columns: string[];
  definition: string;
}

export interface ForeignKey {
  table: string;
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface Catalog {
  tables: string[];
  columns: Column[];
  indexes: Index[];
  foreignKeys: ForeignKey[];
  enums: Record<string, string[]>;
  checks: string[];
}

const ACTIONS: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };

export async function readCatalog(url: string, options: { exclude?: string[] } = {}): Promise<Catalog> {
  const exclude = new Set(options.exclude ?? ["_prisma_migrations"]);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
      )
    ).rows
      .map((r) => r.table_name)
      .filter((t) => !exclude.has(t));
    const columns = (
      await client.query(
        `SELECT table_name, column_name, udt_name, is_nullable, column_default, character_maximum_length,
                numeric_precision, numeric_scale, datetime_precision, data_type
           FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`,
      )
    ).rows
      .filter((r) => !exclude.has(r.table_name))
      .map(
        (r): Column => ({
          table: r.table_name,
          column: r.column_name,
          type: r.udt_name,
          nullable: r.is_nullable === "YES",
          default: r.column_default,
          length: r.character_maximum_length,
          precision: r.data_type === "numeric" ? r.numeric_precision : null,
          scale: r.data_type === "numeric" ? r.numeric_scale : null,
          datetimePrecision: /^timestamp/.test(r.data_type) ? r.datetime_precision : null,
        }),
      );
    const indexes = (
      await client.query(
        `SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
                array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns,
                pg_get_indexdef(ix.indexrelid) AS definition
           FROM pg_index ix
           JOIN pg_class i ON i.oid = ix.indexrelid
           JOIN pg_class t ON t.oid = ix.indrelid
           JOIN pg_namespace ns ON ns.oid = t.relnamespace
          WHERE ns.nspname = 'public' ORDER BY t.relname, i.relname`,
      )
    ).rows.filter((r) => !exclude.has(r.table)) as Index[];
    const foreignKeys = (
      await client.query(
        `SELECT t.relname AS table, c.conname AS name, rt.relname AS "refTable", c.confdeltype, c.confupdtype,
                array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns,
                array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS "refColumns"
           FROM pg_constraint c
           JOIN pg_class t ON t.oid = c.conrelid
           JOIN pg_class rt ON rt.oid = c.confrelid
           JOIN pg_namespace ns ON ns.oid = t.relnamespace
          WHERE c.contype = 'f' AND ns.nspname = 'public' ORDER BY t.relname, c.conname`,
      )
    ).rows.map(
      (r): ForeignKey => ({
        table: r.table,
        name: r.name,
        columns: r.columns,
        refTable: r.refTable,
        refColumns: r.refColumns,
        onDelete: ACTIONS[r.confdeltype] ?? r.confdeltype,
        onUpdate: ACTIONS[r.confupdtype] ?? r.confupdtype,
      }),
    );
    const enums: Record<string, string[]> = {};
    for (const r of (
      await client.query(
        `SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
           JOIN pg_namespace ns ON ns.oid = t.typnamespace WHERE ns.nspname = 'public' ORDER BY t.typname, e.enumsortorder`,
      )
    ).rows) {
      (enums[r.typname] ??= []).push(r.enumlabel);
    }
    const checks = (
      await client.query(
        `SELECT c.conname FROM pg_constraint c JOIN pg_namespace ns ON ns.oid = c.connamespace
          WHERE c.contype = 'c' AND ns.nspname = 'public' ORDER BY c.conname`,
      )
    ).rows.map((r) => r.conname as string);
    return { tables, columns, indexes, foreignKeys, enums, checks };
  } finally {
    await client.end();
  }
}
