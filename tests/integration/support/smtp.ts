import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { resetConfigCache } from "@/lib/config";

// A real SMTP server for a test file (smtp-server), with SMTP_URL and APP_URL pointed at it and
// at a fixed site address. Messages are kept as the server received them.

export interface Received {
  to: string[];
  raw: string;
}

export interface TestSmtp {
  inbox: Received[];
  /** Closes the server (SMTP down) until start() again, on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and restores the environment. */
  close(): Promise<void>;
}

export async function startTestSmtp(appUrl = "http://127.0.0.1:3000"): Promise<TestSmtp> {
  const inbox: Received[] = [];
  const saved = { SMTP_URL: process.env.SMTP_URL, APP_URL: process.env.APP_URL };
  let server: SMTPServer;
  let port = 0;
  const start = () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let raw = "";
        stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
        stream.on("end", () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    return new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  };
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  await start();
  port = (server!.server.address() as AddressInfo).port;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.APP_URL = appUrl;
  resetConfigCache();
  return {
    inbox,
    start,
    stop,
    async close() {
      await stop();
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      resetConfigCache();
    },
  };
}

/** A message's text with quoted-printable undone (soft line breaks, =3D and the like). */
export const decoded = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The token of the first link to `path` (e.g. "/reset-password") in a message. */
export const linkToken = (raw: string, path: string) => new RegExp(`${path.replace(/[/?]/g, "\\$&")}\\?token=([A-Za-z0-9_-]{43})\\b`).exec(decoded(raw))?.[1];

/** The token of the link to `path` in the last message to `email`. */
export function tokenFrom(inbox: Received[], email: string, path: string): string {
  const message = inbox.filter((m) => m.to.includes(email)).at(-1);
  if (!message) throw new Error(`no message to ${email}`);
  const token = linkToken(message.raw, path);
  if (!token) throw new Error(`no link to ${path} in ${decoded(message.raw)}`);
  return token;
}
