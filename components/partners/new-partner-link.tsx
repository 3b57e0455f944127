import Link from "next/link";
import { Plus } from "lucide-react";

/** The directory toolbar's way to add one partner (editors only; the page and the database check again). */
export function NewPartnerLink() {
  return (
    <Link
      href="/admin/partners/new"
      className="inline-flex h-8 items-center gap-1.5 rounded-md bg-brand-600 px-3 text-sm font-medium text-white hover:bg-brand-700 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2 focus-visible:outline-none"
    >
      <Plus className="size-4" aria-hidden /> New partner
    </Link>
  );
}
