"use client";

import { OutageNotice } from "@/components/outage/outage-notice";
import { Button } from "@/components/ui/button";
import { isOutageDigest } from "@/lib/supabase/outage";

export default function DirectoryError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  if (isOutageDigest(error)) return <OutageNotice reset={reset} />;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Partners</h1>
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-6 py-10 text-center">
        <p className="text-sm font-semibold text-red-900">The partner directory could not be loaded</p>
        <p className="mt-1 text-sm text-red-800">Nothing was changed. This is usually brief; try again in a moment.</p>
        <Button className="mt-4" variant="secondary" onClick={reset}>
          Try again
        </Button>
      </div>
    </div>
  );
}
