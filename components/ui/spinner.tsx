import { cn } from "./cn";

/** A small turning ring. Decorative: the surrounding text or aria-busy says what is happening. */
export function Spinner({ className, label }: { className?: string; label?: string }) {
  return (
    <>
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" className={cn("h-4 w-4 shrink-0 animate-spin", className)}>
        <circle cx="12" cy="12" r="10" stroke="currentColor" strokeWidth="3" className="opacity-25" />
        <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
      {label ? <span className="sr-only">{label}</span> : null}
    </>
  );
}
