import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">Not found</h1>
      <p className="mt-3 text-slate-600">This page does not exist, or it is not shared with your organisation.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 underline underline-offset-2 hover:decoration-2">
        Back to the dashboard
      </Link>
    </main>
  );
}
