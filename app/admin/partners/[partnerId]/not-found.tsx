import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function PartnerNotFound() {
  return (
    <EmptyState
      title="Partner not found"
      description="It may have been deleted, or it belongs to another organization than the one you are working in."
      action={
        <Link href="/admin/partners" className="text-sm font-medium text-brand-700 hover:underline">
          Back to partners
        </Link>
      }
    />
  );
}
