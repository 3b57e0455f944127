"use client";

import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { AccountSwitcher } from "./account-switcher";
import { useCurrentAccount } from "./current-account";

/** The portal's light header: brand, account switcher (several accounts) or the one account's name, and sign-out. */
export function PortalHeader({
  orgName,
  email,
  accounts,
  fallbackAccount,
}: {
  orgName: string;
  email: string;
  accounts: { partnerId: string; name: string }[];
  fallbackAccount: string;
}) {
  const current = useCurrentAccount(fallbackAccount);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:px-6">
        <Link href="/portal" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight text-slate-900">
          <span
            className="grid size-7 place-items-center rounded-md bg-brand-600 text-xs font-bold text-white"
            aria-hidden
          >
            P
          </span>
          <span className="hidden sm:inline">{orgName} partner portal</span>
        </Link>
        <div className="ml-auto flex min-w-0 items-center gap-2 sm:gap-3">
          {accounts.length > 1 ? (
            <AccountSwitcher accounts={accounts} current={current} />
          ) : (
            <span className="truncate text-sm font-medium text-slate-800">{accounts[0]?.name}</span>
          )}
          <span className="hidden max-w-56 truncate text-sm text-slate-500 md:inline" title={email}>
            {email}
          </span>
          <NotificationBell endpoint="/api/portal/notifications" settingsHref="/portal/settings/notifications" />
          <SignOutButton to="portal" />
        </div>
      </div>
    </header>
  );
}
