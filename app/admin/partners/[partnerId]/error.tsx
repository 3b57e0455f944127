"use client";

import { Alert } from "@/components/ui/alert";
import { OutageNotice } from "@/components/outage/outage-notice";
import { Button } from "@/components/ui/button";
import { isOutageDigest } from "@/lib/supabase/outage";

export default function WorkspaceError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  if (isOutageDigest(error)) return <OutageNotice reset={reset} />;
  return (
    <div className="space-y-4">
      <Alert tone="error" title="This part of the workspace could not be loaded">
        Nothing was changed. It may be a passing network problem; try again.
      </Alert>
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
