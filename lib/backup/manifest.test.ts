import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type BackupManifest, MANIFEST_FORMAT, checkBackupFiles, readManifest } from "./manifest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-manifest-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function backup(name: string, files: Record<string, string>, listed: BackupManifest["files"]): string {
  const root = path.join(dir, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, "manifest.json"), JSON.stringify({ format: MANIFEST_FORMAT, files: listed }));
  return root;
}

describe("a backup's manifest", () => {
  it("accepts files whose hashes match, and names each one that differs or is missing", async () => {
    const good = backup("good", { "database.dump": "dump", "documents/2026/11/a": "pdf" }, [
      { path: "database.dump", size: 4, sha256: sha256("dump") },
      { path: "documents/2026/11/a", size: 3, sha256: sha256("pdf") },
    ]);
    await expect(checkBackupFiles(good, await readManifest(good))).resolves.toBeUndefined();

    const bad = backup("bad", { "database.dump": "dump!" }, [
      { path: "database.dump", size: 4, sha256: sha256("dump") },
      { path: "documents/2026/11/b", size: 3, sha256: sha256("pdf") },
    ]);
    await expect(checkBackupFiles(bad, await readManifest(bad))).rejects.toThrow(
      `The backup does not match its manifest (2 file(s)): database.dump has SHA-256 ${sha256("dump!")}, the manifest says ${sha256("dump")}; documents/2026/11/b is missing. Nothing was restored.`,
    );
  });

  it("refuses a manifest that names a file outside the backup", async () => {
    fs.writeFileSync(path.join(dir, "outside"), "x");
    const climbing = backup("climbing", {}, [{ path: "../outside", size: 1, sha256: sha256("x") }]);
    await expect(checkBackupFiles(climbing, await readManifest(climbing))).rejects.toThrow(/names \.\.\/outside, outside the backup/);
  });

  it("refuses a folder without a manifest, or with one of another format", async () => {
    fs.mkdirSync(path.join(dir, "empty"));
    await expect(readManifest(path.join(dir, "empty"))).rejects.toThrow(/holds no manifest\.json: it is not a TradeTrail backup, or the backup did not finish/);
    const other = path.join(dir, "other");
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, "manifest.json"), JSON.stringify({ format: "something/2", files: [] }));
    await expect(readManifest(other)).rejects.toThrow(/is of format "something\/2"; this version restores tradetrail-backup\/1/);
  });
});
