import Link from "next/link";
import type { ReactNode } from "react";
import { AdminNav, type NavItem } from "./admin-nav";

/** The staff app's top bar: brand, sections, and (right) org switcher and account. */
export function AdminTopBar({ items, right }: { items: NavItem[]; right?: ReactNode }) {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-[1440px] items-center gap-4 px-4 sm:px-6">
        <Link href="/admin/partners" className="flex items-center gap-2 font-semibold tracking-tight">
          <span className="grid size-7 place-items-center rounded-md bg-brand-600 text-xs font-bold text-white" aria-hidden>
            P
          </span>
          <span className="hidden sm:inline">Partnerdesk</span>
        </Link>
        <AdminNav items={items} />
        <div className="ml-auto flex items-center gap-2">{right}</div>
      </div>
    </header>
  );
}
