import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { link, mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sniffMediaType, SNIFF_BYTES } from "@/lib/documents/sniff";
import { AppError } from "@/lib/errors";
import type { DocumentStorage, PutOptions, StoredObject } from "./index";

// Documents on the local disk, one file per key under a root directory. Keys come from the
// server (newStorageKey), never from a client, and are still checked: a key that could climb out
// of the root is refused before any path is built from it.

/** "2026/05/0196…": segments of letters, digits, '.', '_' and '-', none starting with a dot. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

export function assertStorageKey(key: string): void {
  if (key.length > 512 || !KEY.test(key)) throw new Error(`Refusing storage key ${JSON.stringify(key.slice(0, 100))}: not a server-generated key.`);
}

/** Files being written live here until complete; a leading dot keeps them out of the key space. */
const INCOMING = ".incoming";

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";

export class LocalDocumentStorage implements DocumentStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The file behind a key; throws for any key that would resolve outside the root. */
  pathFor(key: string): string {
    assertStorageKey(key);
    const resolved = path.resolve(this.root, key);
    if (!resolved.startsWith(this.root + path.sep)) throw new Error(`Refusing storage key ${JSON.stringify(key)}: it leaves the storage root.`);
    return resolved;
  }

  /**
   * Write to a temporary file, flush it, then link it into place: readers see the whole file or
   * none, an aborted upload leaves nothing behind, and an existing document is never replaced.
   */
  async put(key: string, body: Readable, options: PutOptions): Promise<void> {
    const target = this.pathFor(key);
    const incoming = path.join(this.root, INCOMING);
    await Promise.all([mkdir(path.dirname(target), { recursive: true }), mkdir(incoming, { recursive: true })]);
    const temporary = path.join(incoming, `${randomUUID()}.part`);
    try {
      await pipeline(body, createWriteStream(temporary, { flags: "wx", mode: 0o640 }));
      if (options.size !== undefined) {
        const written = (await stat(temporary)).size;
        if (written !== options.size) throw new Error(`Stored ${written} bytes for ${key}, expected ${options.size}.`);
      }
      const handle = await open(temporary, "r");
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.publish(temporary, target, key);
    } finally {
      await rm(temporary, { force: true });
    }
  }

  private async publish(temporary: string, target: string, key: string): Promise<void> {
    try {
      await link(temporary, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") throw new Error(`A document is already stored under ${key}; refusing to replace it.`);
      // Filesystems without hard links: rename is just as atomic, checked for an existing file first.
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
      if (await this.exists(key)) throw new Error(`A document is already stored under ${key}; refusing to replace it.`);
      await rename(temporary, target);
    }
  }

  async get(key: string): Promise<StoredObject> {
    let handle;
    try {
      handle = await open(this.pathFor(key), "r");
    } catch (error) {
      if (isMissing(error)) throw new AppError("NOT_FOUND", "The document's file is missing from storage.");
      throw error;
    }
    try {
      const { size } = await handle.stat();
      // The disk keeps no media type: the bytes say what they are, by the same rule as on upload.
      const head = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
      const contentType = sniffMediaType(head.subarray(0, bytesRead)) ?? "application/octet-stream";
      return { body: handle.createReadStream({ start: 0 }), size, contentType };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathFor(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathFor(key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }
}
