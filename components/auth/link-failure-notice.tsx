import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { askAgainLink, LINK_FAILURE_COPY, type LinkFailure } from "@/lib/auth/link-failure";

/** Why a sign-in link failed and a button to ask again; `titled` when no heading above says why. */
export function LinkFailureNotice({
  reason,
  next,
  titled = false,
}: {
  reason: LinkFailure;
  next?: string | null;
  titled?: boolean;
}) {
  const copy = LINK_FAILURE_COPY[reason];
  const again = askAgainLink(next);
  return (
    <div className="space-y-4">
      <Alert tone="error" title={titled ? copy.title : undefined}>
        {copy.body}
      </Alert>
      <Link
        href={again.href}
        className="inline-flex h-10 w-full items-center justify-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
      >
        {again.label}
      </Link>
    </div>
  );
}
