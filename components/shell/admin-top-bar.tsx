import Link from "next/link";
import type { ReactNode } from "react";
import { AdminNav, type NavItem } from "./admin-nav";
import { MobileMenu } from "./mobile-menu";

/**
 * The staff app's top bar: brand, sections, and (right) org switcher and account.
 * Below 640 px the sections and account controls fold into a menu.
 */
export function AdminTopBar({ items, right, bell }: { items: NavItem[]; right?: ReactNode; bell?: ReactNode }) {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-[1440px] items-center gap-4 px-4 sm:px-6">
        <Link href="/admin" className="flex items-center gap-2 font-semibold tracking-tight">
          <span
            className="grid size-7 place-items-center rounded-md bg-brand-600 text-xs font-bold text-white"
            aria-hidden
          >
            P
          </span>
          <span>Partnerdesk</span>
        </Link>
        <div className="hidden min-w-0 sm:block">
          <AdminNav items={items} />
        </div>
        <div className="ml-auto flex items-center gap-2">
          {/* The bell stays in the bar at every width; the rest folds into the menu on phones. */}
          {bell}
          <div className="hidden items-center gap-2 sm:flex">{right}</div>
          <div className="sm:hidden">
            <MobileMenu items={items}>{right}</MobileMenu>
          </div>
        </div>
      </div>
    </header>
  );
}
