import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";

/**
 * A clear page for someone signed in who may not be here (a partner user in /admin,
 * staff in /portal, a grant that ended): what happened and where to go instead,
 * never a redirect loop.
 */
export function AccessGate({
  title,
  children,
  link,
  signOutTo,
}: {
  title: string;
  children: ReactNode;
  link?: { href: string; label: string };
  signOutTo: "admin" | "portal";
}) {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 px-4 py-12">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <div
          className="mx-auto mb-4 grid size-10 place-items-center rounded-full bg-amber-100 text-amber-700"
          aria-hidden
        >
          !
        </div>
        <h1 className="text-lg font-semibold text-slate-900">{title}</h1>
        <div className="mt-2 text-sm text-slate-600">{children}</div>
        <div className="mt-6 flex flex-wrap items-center justify-center gap-3">
          {link && (
            <Link
              href={link.href}
              className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
            >
              {link.label}
            </Link>
          )}
          <SignOutButton to={signOutTo} />
        </div>
      </div>
    </main>
  );
}
