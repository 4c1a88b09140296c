"use client";

import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-xl py-16">
      <Alert tone="danger" title="This page could not be shown">
        <p>Something went wrong on our side. Nothing you submitted was lost: actions either complete entirely or not at all.</p>
        {error.digest ? <p className="mt-2 text-xs text-slate-600">Reference for support: {error.digest}</p> : null}
      </Alert>
      <div className="mt-6">
        <Button onClick={reset}>Try again</Button>
      </div>
    </div>
  );
}
