import { Alert } from "@/components/ui/alert";

/** A signing secret, shown the one time it exists outside the database. */
export function SecretReveal({ secret }: { secret: string }) {
  return (
    <Alert tone="warning" title="Copy the signing secret now">
      <p>It is shown only this once. Your receiver verifies each delivery with it (Standard Webhooks).</p>
      <code
        data-testid="webhook-secret"
        className="mt-2 block overflow-x-auto rounded bg-white px-2 py-1 font-mono text-xs break-all text-slate-900"
      >
        {secret}
      </code>
    </Alert>
  );
}
