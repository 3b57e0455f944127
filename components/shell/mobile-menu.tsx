"use client";

import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { AdminNav, type NavItem } from "./admin-nav";

/** The top bar's sections and account controls on small screens, behind one button. */
export function MobileMenu({ items, children }: { items: NavItem[]; children?: ReactNode }) {
  const pathname = usePathname();
  // The menu remembers the page it was opened on, so navigating closes it by itself.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean | ((current: boolean) => boolean)) =>
    setOpenOn((typeof value === "function" ? value(open) : value) ? pathname : null);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpenOn(null);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="mobile-menu"
        onClick={() => setOpen((value) => !value)}
        className="grid size-9 place-items-center rounded-md text-slate-700 hover:bg-slate-100"
      >
        {open ? <X className="size-5" aria-hidden /> : <Menu className="size-5" aria-hidden />}
        <span className="sr-only">{open ? "Close menu" : "Open menu"}</span>
      </button>
      {open && (
        <div
          id="mobile-menu"
          className="absolute inset-x-0 top-14 border-b border-slate-200 bg-white px-4 pb-4 shadow-lg"
        >
          <AdminNav items={items} vertical />
          <div className="mt-3 flex flex-wrap items-center gap-3 border-t border-slate-100 pt-3">{children}</div>
        </div>
      )}
    </>
  );
}
