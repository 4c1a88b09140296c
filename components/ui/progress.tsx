import { cn } from "./cn";

/**
 * A progress bar. `value` is a percentage; leave it out when the total is not known yet and the
 * bar shows that something is happening without claiming how much.
 */
export function Progress({ value, label, className }: { value?: number; label: string; className?: string }) {
  const known = value !== undefined && Number.isFinite(value);
  const percent = known ? Math.min(100, Math.max(0, Math.round(value))) : undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <div className="flex justify-between text-xs text-slate-600">
        <span>{label}</span>
        {percent !== undefined ? <span className="tabular-nums">{percent}%</span> : null}
      </div>
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 w-full overflow-hidden rounded-full bg-slate-200">
        {percent !== undefined ? (
          <div className="h-full rounded-full bg-brand-600 transition-[width] duration-300" style={{ width: `${percent}%` }} />
        ) : (
          <div className="h-full w-1/3 animate-pulse rounded-full bg-brand-600" />
        )}
      </div>
    </div>
  );
}
