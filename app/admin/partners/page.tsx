import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Partners" };

export default function PartnersPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Partners</h1>
      <EmptyState title="The partner directory is on its way" description="Partners, filters and the grid arrive with the directory." />
    </div>
  );
}
