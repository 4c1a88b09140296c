import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { fieldName } from "@/lib/swift/fields";
import type { FinMessage } from "@/lib/swift/fin";
import { type Mt798Export, mt798FieldName } from "@/lib/swift/mt798";
import type { AnchoredSwiftExport } from "@/lib/credits/swift-messages";
import { CopyTextButton } from "./copy-text-button";

// The credit's SWIFT tab: every message the credit has produced so far (lib/credits/swift-messages.ts),
// each shown as its FIN text in monospace with each field tag explained (on hover and on keyboard
// focus, and read by screen readers as the tag's description), downloadable and copyable, with
// the SHA-256 its milestone anchored and whether the file matches it.

export function SwiftMessages({ creditId, messages, application = null }: { creditId: string; messages: AnchoredSwiftExport[]; application?: Mt798Export | null }) {
  const applicationCard = application ? <Mt798ApplicationCard creditId={creditId} file={application} /> : null;
  if (messages.length === 0) {
    return (
      <div className="space-y-6">
        {applicationCard}
        <EmptyState title="No SWIFT messages yet" description="The MT700 appears here once the issuing bank issues the credit; each later step that banks exchange a message for adds its own." />
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        Files for a bank&apos;s SWIFT interface, built from the credit&apos;s milestones. TradeTrail does not send them. Focus or hover a field tag to read what it is.
      </p>
      {applicationCard}
      {messages.map((m) => (
        <SwiftMessageCard key={m.id} creditId={creditId} message={m} />
      ))}
    </div>
  );
}

/**
 * The applicant's agreed application as MT798<770> (SWIFT for Corporates), shown only to those
 * the server lets download it (lib/credits/mt798-application.ts): the applicant, and the issuing
 * bank once the application was submitted to it.
 */
function Mt798ApplicationCard({ creditId, file }: { creditId: string; file: Mt798Export }) {
  const href = `/api/v1/credits/${creditId}/application/mt798`;
  return (
    <Card data-swift-message="mt798-application">
      <CardHeader>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <CardTitle>MT798&lt;770&gt; LC application (SWIFT for Corporates)</CardTitle>
          {file.problems.length === 0 ? <Badge tone="success">Valid</Badge> : <Badge tone="danger">{file.problems.length === 1 ? "1 problem" : `${file.problems.length} problems`}</Badge>}
        </div>
        <p className="mt-1 text-sm text-slate-600">
          The agreed terms as an application to the issuing bank: {file.messages.map((m) => `MT798<${m.fields.find((f) => f.tag === "12")?.value ?? "?"}>`).join(" + ")}, from {file.messages[0]?.sender || "no BIC"} to{" "}
          {file.messages[0]?.receiver || "no BIC"}. For a bank that takes applications over SWIFT for Corporates; TradeTrail does not send it.
        </p>
      </CardHeader>
      <CardBody className="space-y-4">
        <FileChecks problems={file.problems.map((p) => p.message)} transliterations={file.transliterations} />
        <div className="flex flex-wrap gap-2">
          <a className={buttonClassName({ variant: "secondary", size: "sm" })} href={`${href}?download=fin`} download>
            Download MT798 .fin
          </a>
          <a className={buttonClassName({ variant: "secondary", size: "sm" })} href={`${href}?download=txt`} download>
            Download MT798 .txt
          </a>
          <CopyTextButton text={file.text} label="Copy the FIN text of the MT798 application" />
        </div>
        {file.messages.map((m, index) => (
          <FinText key={index} idPrefix={`mt798-${index}`} message={m} text={finTextOf(file.text, index)} />
        ))}
      </CardBody>
    </Card>
  );
}

/** What a bank's SWIFT interface would refuse in a file, and what was changed to fit SWIFT's character set. */
function FileChecks({ problems, transliterations }: { problems: readonly string[]; transliterations: readonly { tag: string; line: number; from: string; to: string }[] }) {
  return (
    <>
      {problems.length > 0 ? (
        <Alert tone="danger" title="A bank's SWIFT interface would refuse this file">
          <ul className="list-disc pl-5">
            {problems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {transliterations.length > 0 ? (
        <Alert tone="warning" title="Changed to fit the SWIFT character set">
          <ul className="list-disc pl-5" data-transliterations>
            {transliterations.map((t, i) => (
              <li key={i}>
                Field {t.tag}, line {t.line}: “{t.from}” became “{t.to}”
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </>
  );
}

function SwiftMessageCard({ creditId, message }: { creditId: string; message: AnchoredSwiftExport }) {
  const href = `/api/v1/credits/${creditId}/swift/${message.id}`;
  const types = message.messages.map((x) => `MT${x.type}`).join(" + ");
  return (
    <Card data-swift-message={message.id}>
      <CardHeader>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <CardTitle>
            MT{message.type} {message.title}
          </CardTitle>
          {message.problems.length === 0 ? <Badge tone="success">Valid</Badge> : <Badge tone="danger">{message.problems.length === 1 ? "1 problem" : `${message.problems.length} problems`}</Badge>}
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {types} · {message.on} · from {message.sender.name} ({message.sender.bic ?? "no BIC"}) to {message.receiver.name} ({message.receiver.bic ?? "no BIC"})
        </p>
      </CardHeader>
      <CardBody className="space-y-4">
        <AnchoredHash message={message} />
        <FileChecks
          problems={message.problems.map((p) => `${message.messages.length > 1 ? `MT${message.messages[p.messageIndex]?.type} ${p.messageIndex + 1}: ` : ""}${p.message}`)}
          transliterations={message.transliterations}
        />
        <div className="flex flex-wrap gap-2">
          <a className={buttonClassName({ variant: "secondary", size: "sm" })} href={`${href}?download=fin`} download>
            Download .fin
          </a>
          <a className={buttonClassName({ variant: "secondary", size: "sm" })} href={`${href}?download=txt`} download>
            Download .txt
          </a>
          <CopyTextButton text={message.text} label={`Copy the FIN text of MT${message.type}`} />
        </div>
        {message.messages.map((m, index) => (
          <FinText key={index} idPrefix={`${message.id}-${index}`} message={m} text={finTextOf(message.text, index)} />
        ))}
      </CardBody>
    </Card>
  );
}

/** The file's SHA-256 beside the one its milestone anchored: what a bank that received the file compares with. */
function AnchoredHash({ message }: { message: AnchoredSwiftExport }) {
  const { anchored } = message;
  const verdict =
    anchored.status === "matches" ? (
      <Badge tone="success">{message.type === "700" ? "Matches the anchored issuance" : `Matches anchored milestone ${message.seq}`}</Badge>
    ) : anchored.status === "differs" ? (
      <Badge tone="danger">Does not match milestone {message.seq}</Badge>
    ) : (
      <Badge tone="neutral">{anchored.reason === "before" ? `Not recorded (milestone of ${anchored.milestoneOn}, before message hashes were recorded)` : "Not recorded: produced after its milestone"}</Badge>
    );
  return (
    <dl className="grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]" data-swift-anchored={anchored.status}>
      <dt className="text-slate-600">SHA-256 of the file</dt>
      <dd className="font-mono text-xs break-all" data-swift-sha256>
        {anchored.sha256}
      </dd>
      <dt className="text-slate-600">Anchored with milestone {message.seq}</dt>
      <dd className="flex flex-wrap items-center gap-2">
        {anchored.status === "notRecorded" ? null : <span className="font-mono text-xs break-all">{anchored.recorded?.sha256 ?? "another message"}</span>}
        {verdict}
      </dd>
    </dl>
  );
}

/** The FIN text of the index-th message of a file (messages start with "{1:"). */
function finTextOf(file: string, index: number): string {
  return file.split(/\r\n(?=\{1:)/)[index] ?? "";
}

/** One message's text, line by line, each ":tag:" explained. */
function FinText({ idPrefix, message, text }: { idPrefix: string; message: FinMessage; text: string }) {
  const lines = text.split("\r\n");
  return (
    <pre
      tabIndex={0}
      role="region"
      aria-label={`FIN text of MT${message.type}`}
      className="overflow-x-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-5 text-slate-900"
      data-fin-text={message.type}
    >
      {lines.map((line, i) => {
        const tagged = /^:(\d\d[A-Z]?):(.*)$/.exec(line);
        if (!tagged) return <span key={i}>{`${line}\n`}</span>;
        const tag = tagged[1]!;
        const tipId = `${idPrefix}-${i}`;
        return (
          <span key={i}>
            :
            <span className="group relative inline-block">
              <abbr tabIndex={0} aria-describedby={tipId} className="cursor-help font-semibold text-brand-800 no-underline focus:outline-2 focus:outline-brand-700" data-swift-tag={tag}>
                {tag}
              </abbr>
              <span role="tooltip" id={tipId} className="pointer-events-none absolute bottom-full left-0 z-10 mb-1 hidden w-max max-w-xs rounded bg-slate-900 px-2 py-1 font-sans text-xs whitespace-normal text-white group-focus-within:block group-hover:block">
                {tag} {message.type === "798" ? mt798FieldName(tag) : fieldName(message.type, tag)}
              </span>
            </span>
            {`:${tagged[2]}\n`}
          </span>
        );
      })}
    </pre>
  );
}
