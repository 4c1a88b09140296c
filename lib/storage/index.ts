import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Readable } from "node:stream";
import { type Config, config } from "@/lib/config";
import { LocalDocumentStorage } from "./local";
import { S3DocumentStorage } from "./s3";

// Where uploaded documents' bytes live: the local disk by default (DATA_DIR/documents), or any
// S3-compatible store (STORAGE_DRIVER=s3). The database holds only the key, hash and metadata.

export interface PutOptions {
  contentType: string;
  /** When known in advance: the driver checks that exactly this many bytes were stored. */
  size?: number;
}

export interface StoredObject {
  body: Readable;
  size: number;
  contentType: string;
}

export interface DocumentStorage {
  /** Store the whole stream under `key`, or nothing at all if the stream fails. */
  put(key: string, body: Readable, options: PutOptions): Promise<void>;
  /** The stored bytes; throws AppError NOT_FOUND when the key holds nothing. */
  get(key: string): Promise<StoredObject>;
  /** Remove the object; deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** A fresh key for a new document: "2026/05/<uuid>" (one folder per month keeps listings short). */
export function newStorageKey(now = new Date()): string {
  return `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${randomUUID()}`;
}

/** The storage a configuration describes. */
export function storageFromConfig(settings: Config): DocumentStorage {
  if (settings.STORAGE_DRIVER === "s3") {
    // parseConfig() has already insisted on these three when the driver is s3.
    return new S3DocumentStorage({
      bucket: settings.S3_BUCKET!,
      region: settings.S3_REGION,
      endpoint: settings.S3_ENDPOINT,
      accessKeyId: settings.S3_ACCESS_KEY_ID!,
      secretAccessKey: settings.S3_SECRET_ACCESS_KEY!,
      forcePathStyle: settings.S3_FORCE_PATH_STYLE,
    });
  }
  return new LocalDocumentStorage(settings.STORAGE_DIR ?? path.join(settings.DATA_DIR, "documents"));
}

let current: { settings: Config; storage: DocumentStorage } | undefined;

/** The process's document storage, built from config() and rebuilt if the configuration is reloaded. */
export function documentStorage(): DocumentStorage {
  const settings = config();
  if (current?.settings !== settings) current = { settings, storage: storageFromConfig(settings) };
  return current.storage;
}
