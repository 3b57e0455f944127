"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { StaffRole } from "@/lib/orgs/roles";
import { numberSignsOf, type NumberSigns } from "@/lib/validation/number-signs";

export type StaffOption = { id: string; name: string };

export type Workspace = {
  partnerId: string;
  orgId: string;
  partnerName: string;
  timeZone: string;
  currency: string;
  /** The org's locale (BCP 47): numbers are typed with its decimal and grouping signs. */
  locale: string;
  role: StaffRole;
  /** Editors (admin, manager, member): tasks, referrals, documents, notes, the partner's fields. */
  canEdit: boolean;
  /** Leads (admin, manager): commissions, deleting referrals. */
  canLead: boolean;
  staff: StaffOption[];
};

const WorkspaceContext = createContext<Workspace | null>(null);

/** What every workspace control needs: whose page, which org's clock and money, and what the viewer may do. */
export function WorkspaceProvider({ value, children }: { value: Workspace; children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 2_000, retry: 1 } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>
    </QueryClientProvider>
  );
}

export function useWorkspace(): Workspace {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error("useWorkspace outside WorkspaceProvider");
  return value;
}

/** The signs a typed number uses in this org ("12,5" in de-DE). */
export function useNumberSigns(): NumberSigns {
  return numberSignsOf(useWorkspace().locale);
}

export const VIEW_ONLY_REASON =
  "View only: your role can look but not change anything. Ask an admin for editor access.";
export const LEADS_ONLY_REASON = "Only admins and managers can do this.";

/** Whether the viewer may do a thing, and if not, the sentence the UI shows instead of failing on save. */
export function usePermission(level: "edit" | "lead"): { allowed: boolean; reason: string | undefined } {
  const { canEdit, canLead } = useWorkspace();
  if (level === "edit") return { allowed: canEdit, reason: canEdit ? undefined : VIEW_ONLY_REASON };
  if (canLead) return { allowed: true, reason: undefined };
  return { allowed: false, reason: canEdit ? LEADS_ONLY_REASON : VIEW_ONLY_REASON };
}

export function staffName(staff: StaffOption[], id: string | null | undefined): string | null {
  if (!id) return null;
  return staff.find((member) => member.id === id)?.name ?? null;
}
