"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { switchActiveOrg } from "@/lib/orgs/actions/switch-active-org";

/** Shown only to staff of several orgs; the server checks the choice on every request. */
export function OrgSwitcher({ orgs, activeOrgId }: { orgs: { id: string; name: string }[]; activeOrgId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  if (orgs.length < 2)
    return <span className="hidden text-sm font-medium text-slate-700 sm:inline">{orgs[0]?.name}</span>;
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Organization</span>
      <select
        value={activeOrgId}
        disabled={pending}
        onChange={(event) =>
          startTransition(async () => {
            const result = await switchActiveOrg({ orgId: event.target.value });
            if (!result.ok) toast.error(result.error);
            router.refresh();
          })
        }
        className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm font-medium"
      >
        {orgs.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </select>
    </label>
  );
}
