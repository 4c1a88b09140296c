import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import type { DocumentStorage, PutOptions, StoredObject } from "./index";
import { assertStorageKey } from "./local";

// Documents in any S3-compatible store (AWS S3, MinIO, Ceph, s3rver in tests). Uploads stream as
// multipart: memory per upload is bounded by partSize × queueSize, whatever the file's size.

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** Unset for AWS itself; e.g. http://127.0.0.1:9000 for MinIO. */
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** bucket in the path (http://host/bucket/key), as MinIO and s3rver expect. */
  forcePathStyle: boolean;
}

/** S3's minimum part size; with queueSize 2 an upload holds at most ~10 MB in memory. */
const PART_SIZE = 5 * 1024 * 1024;
const QUEUE_SIZE = 2;

const isNotFound = (error: unknown) =>
  error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404);

export class S3DocumentStorage implements DocumentStorage {
  readonly bucket: string;
  private readonly client: S3Client;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // Many S3-compatible stores do not understand the SDK's default streaming checksums
      // (aws-chunked trailers); we hash every document ourselves anyway.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(key: string, body: Readable, options: PutOptions): Promise<void> {
    assertStorageKey(key);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: body, ContentType: options.contentType, ContentLength: options.size },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      // An aborted upload must not leave billable orphan parts behind.
      leavePartsOnError: false,
    });
    // If the body fails (too large, wrong type, client gone), stop the upload rather than wait.
    const abort = () => void upload.abort().catch(() => {});
    body.once("error", abort);
    try {
      await upload.done();
    } finally {
      body.off("error", abort);
    }
  }

  async get(key: string): Promise<StoredObject> {
    assertStorageKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(object.Body instanceof Readable)) throw new Error(`S3 returned no readable body for ${key}.`);
      return { body: object.Body, size: object.ContentLength ?? 0, contentType: object.ContentType ?? "application/octet-stream" };
    } catch (error) {
      if (isNotFound(error)) throw new AppError("NOT_FOUND", "The document's file is missing from storage.");
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    // S3 deletes are idempotent: deleting a missing key succeeds.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async exists(key: string): Promise<boolean> {
    assertStorageKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /** Close the client's sockets (tests, scripts). */
  destroy(): void {
    this.client.destroy();
  }
}
