import { describe, expect, it } from "vitest";
import { splitUploadBody } from "./upload-body";

const stream = (...chunks: (string | Buffer)[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new Uint8Array(typeof chunk === "string" ? Buffer.from(chunk) : chunk));
      controller.close();
    },
  });

async function bytesOf(file: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of file) parts.push(Buffer.from(part as Buffer));
  return Buffer.concat(parts);
}

describe("splitUploadBody", () => {
  it("reads the details line and streams the file bytes that follow, split across chunks", async () => {
    const file = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x0a, 0x00, 0xff, 0x0a]);
    const { details, file: rest } = await splitUploadBody(stream('{"kind":"COMMERCIAL_', 'INVOICE","data":{"description":"a\\nb"}}\n%P', file.subarray(2)));
    expect(details).toEqual({ kind: "COMMERCIAL_INVOICE", data: { description: "a\nb" } });
    expect(await bytesOf(rest)).toEqual(Buffer.concat([Buffer.from("%P"), file.subarray(2)]));
  });

  it("carries a 100,000-character description to validation instead of failing on its size", async () => {
    const description = "x".repeat(100_000);
    const { details } = await splitUploadBody(stream(`${JSON.stringify({ data: { description } })}\n`, Buffer.from("%PDF")));
    expect((details as { data: { description: string } }).data.description).toHaveLength(100_000);
  });

  it("refuses details longer than the limit with a message that says so", async () => {
    await expect(splitUploadBody(stream("{".padEnd(2000, " ")), 1000)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: expect.stringMatching(/details are longer than/) });
    await expect(splitUploadBody(stream(`${"{}".padEnd(1500, " ")}\n%PDF`), 1000)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("refuses a body without a details line, or with details that are not JSON", async () => {
    await expect(splitUploadBody(stream("%PDF-1.7 no line feed"))).rejects.toMatchObject({ code: "INVALID_REQUEST", message: expect.stringMatching(/first line/) });
    await expect(splitUploadBody(stream("not json\n%PDF"))).rejects.toMatchObject({ code: "INVALID_REQUEST", message: expect.stringMatching(/not valid JSON/) });
  });
});
