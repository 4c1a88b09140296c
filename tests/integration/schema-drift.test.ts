import fs from "node:fs";
import internals from "@prisma/internals";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffSchemaFiles } from "@/lib/db/schema-engine";
import { type Catalog, readCatalog } from "./support/catalog";
import { type TestDatabase, createTestDatabase, dropTestDatabase, useTestDatabase } from "./support/database";

// schema.prisma is the source of truth and the migrations are written by hand, so this test is
// what keeps them equal. It fails when a model, field, type, nullability, default, unique,
// index, foreign key or enum value exists on one side and not the other.

type DMMF = Awaited<ReturnType<typeof internals.getDMMF>>;
type Model = DMMF["datamodel"]["models"][number];
type Field = Model["fields"][number];

const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
const migrated = useTestDatabase();
let dmmf: DMMF;
let actual: Catalog;

beforeAll(async () => {
  dmmf = await internals.getDMMF({ datamodel: schema });
  // As the owner: information_schema shows column defaults to the table's owner only.
  actual = await readCatalog(migrated.ownerUrl());
});

const tableOf = (model: Model) => model.dbName ?? model.name;
const columnOf = (model: Model, fieldName: string) => {
  const field = model.fields.find((f) => f.name === fieldName);
  if (!field) throw new Error(`${model.name}.${fieldName} is not a field`);
  return field.dbName ?? field.name;
};
const scalarFields = (model: Model) => model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");

/** The PostgreSQL column Prisma maps a field to: udt name and modifiers. */
function expectedColumn(field: Field): { type: string; length?: number; precision?: number; scale?: number; datetimePrecision?: number } {
  const [native, args = []] = (field.nativeType ?? []) as [string?, string[]?];
  const list = field.isList ? "_" : "";
  if (field.kind === "enum") return { type: `${list}${field.type}` };
  switch (field.type) {
    case "String":
      if (native === "Uuid") return { type: `${list}uuid` };
      if (native === "Char") return { type: `${list}bpchar`, length: Number(args[0]) };
      return { type: `${list}text` };
    case "Int":
      return { type: `${list}int4` };
    case "BigInt":
      return { type: `${list}int8` };
    case "Boolean":
      return { type: `${list}bool` };
    case "Json":
      return { type: `${list}jsonb` };
    case "Decimal":
      return native === "Decimal" ? { type: `${list}numeric`, precision: Number(args[0]), scale: Number(args[1]) } : { type: `${list}numeric`, precision: 65, scale: 30 };
    case "DateTime":
      if (native === "Date") return { type: `${list}date` };
      if (native === "Timestamptz") return { type: `${list}timestamptz`, datetimePrecision: Number(args[0] ?? 6) };
      return { type: `${list}timestamp`, datetimePrecision: 3 };
    default:
      throw new Error(`No mapping for Prisma type ${field.type} (${field.name}); extend expectedColumn`);
  }
}

describe("the migrated database matches schema.prisma", () => {
  it("has exactly one table per model", () => {
    expect(actual.tables.sort()).toEqual(dmmf.datamodel.models.map(tableOf).sort());
  });

  it("has exactly the models' columns, with their types, nullability and defaults", () => {
    const expected = dmmf.datamodel.models.flatMap((model) =>
      scalarFields(model).map((field) => {
        const column = expectedColumn(field);
        const dbDefault =
          field.hasDefaultValue && !field.isUpdatedAt && !(typeof field.default === "object" && field.default !== null && "name" in field.default && field.default.name === "uuid");
        return {
          table: tableOf(model),
          column: field.dbName ?? field.name,
          type: column.type,
          // Prisma creates list columns nullable, every other optional field nullable too.
          nullable: field.isList || !field.isRequired,
          hasDefault: dbDefault,
          length: column.length ?? null,
          precision: column.precision ?? null,
          scale: column.scale ?? null,
          datetimePrecision: column.datetimePrecision ?? null,
        };
      }),
    );
    const found = actual.columns.map((c) => ({
      table: c.table,
      column: c.column,
      type: c.type,
      nullable: c.nullable,
      hasDefault: c.default !== null,
      length: c.length,
      precision: c.precision,
      scale: c.scale,
      datetimePrecision: c.datetimePrecision,
    }));
    const key = (c: { table: string; column: string }) => `${c.table}.${c.column}`;
    expect(found.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
  });

  it("has every primary key, unique constraint and index, and no others", () => {
    const expected = dmmf.datamodel.indexes.map((index) => {
      const model = dmmf.datamodel.models.find((m) => m.name === index.model)!;
      return {
        table: tableOf(model),
        kind: index.type === "id" ? "primary" : index.type === "unique" ? "unique" : "index",
        columns: index.fields.map((f) => columnOf(model, f.name)).join(","),
      };
    });
    // Composite primary keys declared with @@id appear in DMMF indexes too; single ones on the field.
    const found = actual.indexes.map((i) => ({
      table: i.table,
      kind: i.primary ? "primary" : i.unique ? "unique" : "index",
      columns: i.columns.join(","),
    }));
    const key = (i: { table: string; kind: string; columns: string }) => `${i.table}|${i.kind}|${i.columns}`;
    expect(found.map(key).sort()).toEqual(expected.map(key).sort());
  });

  it("has a foreign key for every relation, with its referential actions", () => {
    const expected = dmmf.datamodel.models.flatMap((model) =>
      model.fields
        .filter((f) => f.kind === "object" && (f.relationFromFields?.length ?? 0) > 0)
        .map((f) => {
          const target = dmmf.datamodel.models.find((m) => m.name === f.type)!;
          const onDelete = (f as Field & { relationOnDelete?: string }).relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull");
          return {
            table: tableOf(model),
            columns: f.relationFromFields!.map((n) => columnOf(model, n)).join(","),
            refTable: tableOf(target),
            refColumns: f.relationToFields!.map((n) => columnOf(target, n)).join(","),
            onDelete,
            onUpdate: "Cascade",
          };
        }),
    );
    const found = actual.foreignKeys.map((fk) => ({
      table: fk.table,
      columns: fk.columns.join(","),
      refTable: fk.refTable,
      refColumns: fk.refColumns.join(","),
      onDelete: fk.onDelete,
      onUpdate: fk.onUpdate,
    }));
    const key = (fk: { table: string; columns: string }) => `${fk.table}(${fk.columns})`;
    expect(found.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
  });

  it("has every enum with exactly its values, in order", () => {
    const expected = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
    expect(actual.enums).toEqual(expected);
  });
});

describe("the migrated database equals what Prisma Migrate would create", () => {
  // Prisma's own schema engine (WASM) writes the SQL for schema.prisma into an empty database;
  // every catalog detail (defaults, index definitions, constraint names) must then agree.
  let reference: TestDatabase;
  let expected: Catalog;

  beforeAll(async () => {
    reference = await createTestDatabase();
    const client = new pg.Client({ connectionString: reference.ownerUrl });
    await client.connect();
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    await client.query(await diffSchemaFiles(null, schema, reference.ownerUrl));
    await client.end();
    expected = await readCatalog(reference.ownerUrl);
  });
  afterAll(async () => {
    if (reference) await dropTestDatabase(reference.name);
  });

  it("column for column", () => expect(actual.columns).toEqual(expected.columns));
  it("index for index", () => expect(actual.indexes).toEqual(expected.indexes));
  it("foreign key for foreign key", () => expect(actual.foreignKeys).toEqual(expected.foreignKeys));
  it("enum for enum", () => expect(actual.enums).toEqual(expected.enums));
  it("adds only the documented hand-written guards", () => {
    expect(expected.checks).toEqual([]);
    expect(actual.checks).toEqual([
      "amendment_imports_sha256_hex",
      "anchor_network_anchorings_valid",
      "anchor_transactions_valid",
      "api_tokens_scopes_known",
      "approvals_four_eyes",
      "audit_grants_period",
      "audit_grants_second_approver",
      "credit_imports_message_type_known",
      "credit_imports_sha256_hex",
      "credits_amount_positive",
      "credits_drawn_within_range",
      "credits_parties_distinct",
      "document_anchors_hex",
      "documents_sha256_hex",
      "invitations_roles_present",
      "key_events_digest_hex",
      "key_events_seq_positive",
      "milestones_digest_hex",
      "milestones_seq_positive",
      "milestones_signatures_array",
      "organizations_cut_off_time_format",
      "organizations_manual_rules_present",
      "passkey_challenges_registration_bound",
      "passkey_challenges_short_lived",
      "passkeys_counter_range",
      "passkeys_transports_present",
      "payments_amount_positive",
      "user_sessions_absolute_limit",
    ]);
  });
});
