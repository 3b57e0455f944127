"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect } from "react";
import { OUTAGE_MESSAGE } from "@/lib/supabase/outage";

const RETRY_MS = 3000;

/**
 * Shown in place of a page whose data could not be reached. It asks the server again every
 * few seconds (refresh re-renders the server components, reset clears this boundary), so the
 * page comes back by itself when the database does; the session is left untouched.
 */
export function OutageNotice({ reset }: { reset: () => void }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      startTransition(() => {
        router.refresh();
        reset();
      });
    }, RETRY_MS);
    return () => clearInterval(timer);
  }, [router, reset]);
  return (
    <div role="alert" aria-live="polite" data-outage className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Can&apos;t reach the database</h1>
      <p className="mt-2 text-sm text-slate-600">{OUTAGE_MESSAGE}</p>
      <p className="mt-2 text-xs text-slate-500">You are still signed in; nothing you saved was lost.</p>
    </div>
  );
}
