import { freePort } from "@/lib/dev/ports";

// The development mail catcher (maildev) that `npm start` runs when no SMTP_URL is configured:
// every e-mail the app sends lands there, readable in its web UI and through its REST API
// (the end-to-end tests read invitations and reset links from it).

export interface MailCatcher {
  smtpUrl: string;
  webUrl: string;
  stop(): Promise<void>;
}

export async function startMailCatcher(options: { host: string; directory: string }): Promise<MailCatcher> {
  const { MailDev } = await import("maildev");
  const [smtp, web] = [await freePort(), await freePort()];
  const host = options.host === "0.0.0.0" ? "127.0.0.1" : options.host;
  const maildev = new MailDev({ smtp, web, ip: host, webIp: host, mailDirectory: options.directory, silent: true, log: { silent: true, verbose: false, logMailContents: false } } as ConstructorParameters<typeof MailDev>[0]);
  await maildev.start();
  return { smtpUrl: `smtp://${host}:${smtp}`, webUrl: `http://${host}:${web}`, stop: () => maildev.stop() };
}
