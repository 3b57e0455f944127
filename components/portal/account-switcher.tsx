"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { switchAccount } from "@/lib/portal/actions/switch-account";
import { ALL_ACCOUNTS } from "@/lib/portal/constants";

/** The header's account picker for partner users with several accounts (the MSP case). */
export function AccountSwitcher({
  accounts,
  current,
}: {
  accounts: { partnerId: string; name: string }[];
  current: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex min-w-0 items-center gap-2 text-sm">
      <span className="hidden text-slate-500 sm:inline">Account</span>
      <select
        aria-label="Account"
        value={current}
        disabled={pending}
        onChange={(event) => {
          const account = event.target.value;
          startTransition(async () => {
            const result = await switchAccount({ account });
            if (!result.ok) {
              toast.error(result.error);
              router.refresh();
              return;
            }
            router.push(result.data.href);
          });
        }}
        className="h-9 max-w-[11rem] truncate rounded-md border border-slate-300 bg-white px-2 text-sm font-medium text-slate-900 sm:max-w-xs"
      >
        <option value={ALL_ACCOUNTS}>All accounts</option>
        {accounts.map((account) => (
          <option key={account.partnerId} value={account.partnerId}>
            {account.name}
          </option>
        ))}
      </select>
    </label>
  );
}
