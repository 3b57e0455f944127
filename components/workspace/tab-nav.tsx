"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Activity, FileText, Handshake, LayoutDashboard, ListTodo } from "lucide-react";
import { cn } from "@/lib/utils/cn";

export const WORKSPACE_TABS = [
  { slug: "overview", label: "Overview", icon: LayoutDashboard },
  { slug: "tasks", label: "Tasks", icon: ListTodo },
  { slug: "referrals", label: "Referrals", icon: Handshake },
  { slug: "docs", label: "Docs", icon: FileText },
  { slug: "activity", label: "Activity", icon: Activity },
] as const;

/** Tabs as links (one URL each). Above 640 px a tab strip; below, a bar fixed to the bottom of the screen. */
export function TabNav({ partnerId, counts }: { partnerId: string; counts: Partial<Record<string, number>> }) {
  const pathname = usePathname();
  const base = `/admin/partners/${partnerId}`;
  const isActive = (slug: string) => pathname === `${base}/${slug}` || pathname.startsWith(`${base}/${slug}/`);
  return (
    <>
      <nav aria-label="Partner sections" className="hidden border-b border-slate-200 sm:block">
        <ul className="-mb-px flex gap-6">
          {WORKSPACE_TABS.map((tab) => (
            <li key={tab.slug}>
              <Link
                href={`${base}/${tab.slug}`}
                aria-current={isActive(tab.slug) ? "page" : undefined}
                className={cn(
                  "inline-flex items-center gap-2 border-b-2 px-1 pb-3 pt-1 text-sm font-medium",
                  isActive(tab.slug)
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
                )}
              >
                {tab.label}
                {counts[tab.slug] ? (
                  <span className="rounded-full bg-slate-100 px-1.5 text-xs tabular-nums text-slate-600">
                    {counts[tab.slug]}
                  </span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav
        aria-label="Partner sections (mobile)"
        data-testid="workspace-bottom-nav"
        // m-0: the layout's space-y would otherwise give this fixed bar a bottom margin and lift it off the edge.
        className="fixed inset-x-0 bottom-0 z-40 m-0 border-t border-slate-200 bg-white/95 pr-[env(safe-area-inset-right)] pb-[env(safe-area-inset-bottom)] pl-[env(safe-area-inset-left)] backdrop-blur sm:hidden"
      >
        <ul className="grid grid-cols-5">
          {WORKSPACE_TABS.map((tab) => {
            const Icon = tab.icon;
            return (
              <li key={tab.slug}>
                <Link
                  href={`${base}/${tab.slug}`}
                  aria-current={isActive(tab.slug) ? "page" : undefined}
                  className={cn(
                    "flex h-14 flex-col items-center justify-center gap-0.5 text-[11px] font-medium",
                    isActive(tab.slug) ? "text-brand-700" : "text-slate-500",
                  )}
                >
                  <Icon className="size-5" aria-hidden />
                  {tab.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </>
  );
}
