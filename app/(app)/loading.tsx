import { Spinner } from "@/components/ui/spinner";

export default function Loading() {
  return (
    <div className="flex items-center gap-3 py-16 text-sm text-slate-600" role="status">
      <Spinner /> Loading…
    </div>
  );
}
