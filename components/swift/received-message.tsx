import { Time } from "@/components/ui/time";

/** The MT700/MT710 an advising bank imported this credit from (docs/SWIFT.md, Import): shown to that bank only, with the SHA-256 its advice anchors. */
export function ReceivedMessage({ message }: { message: { messageType: string; senderBic: string; sha256: string; finText: string; createdAt: Date } | null }) {
  if (!message) return null;
  return (
    <section aria-labelledby="received-message" className="mb-6 space-y-2" data-received-message="">
      <h2 id="received-message" className="text-base font-semibold text-slate-900">
        Received MT{message.messageType}
      </h2>
      <p className="text-sm text-slate-700">
        Sent by {message.senderBic}, imported <Time value={message.createdAt} />. SHA-256 <code className="break-all font-mono text-xs">0x{message.sha256}</code>, anchored with the advice.
      </p>
      <pre role="region" aria-label={`FIN text of the received MT${message.messageType}`} tabIndex={0} className="max-h-96 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs whitespace-pre">
        {message.finText.replace(/\r\n/g, "\n")}
      </pre>
    </section>
  );
}
