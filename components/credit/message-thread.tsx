"use client";

import { sendMessage } from "@/app/(app)/credits/[creditId]/actions";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { MessageComposer } from "./message-composer";

interface Message {
  id: string;
  body: string;
  author: string;
  authorOrg: string;
  createdAt: Date;
  mine: boolean;
}

/** The conversation among the credit's parties. */
export function MessageThread({ creditId, messages, canPost }: { creditId: string; messages: Message[]; canPost: boolean }) {
  return (
    <div className="space-y-6">
      {messages.length === 0 ? (
        <EmptyState title="No messages yet" description="Ask a question or explain a change; every party to the credit sees the thread." />
      ) : (
        <ol className="space-y-3" aria-label="Messages">
          {messages.map((m) => (
            <li key={m.id} className={`max-w-2xl rounded-lg border px-4 py-3 ${m.mine ? "ml-auto border-brand-200 bg-brand-50/60" : "border-slate-200 bg-white"}`}>
              <div className="mb-1 text-xs text-slate-500">
                <span className="font-medium text-slate-700">{m.author}</span> · {m.authorOrg} · <Time value={m.createdAt} />
              </div>
              <p className="whitespace-pre-line text-sm text-slate-900">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {/* A fresh composer once the sent message is listed (its text is cleared only then). */}
      {canPost ? <MessageComposer key={messages.length} creditId={creditId} action={sendMessage} /> : null}
    </div>
  );
}
