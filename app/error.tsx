"use client";

import { useEffect } from "react";
import { OutageNotice } from "@/components/outage/outage-notice";
import { Button } from "@/components/ui/button";
import { isOutageDigest } from "@/lib/supabase/outage";

/** The last line of defence: a plain message and a retry, never a stack trace. */
export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  if (isOutageDigest(error)) return <OutageNotice reset={reset} />;
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 px-4">
      <div className="max-w-md text-center">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Something went wrong</h1>
        <p className="mt-2 text-sm text-slate-600">
          We could not load this page. Nothing you saved was lost. Try again, and if it keeps happening, tell us the
          reference below.
        </p>
        {error.digest && <p className="mt-2 font-mono text-xs text-slate-500">Reference: {error.digest}</p>}
        <Button className="mt-6" onClick={reset}>
          Try again
        </Button>
      </div>
    </main>
  );
}
