import "server-only";
import type { Metadata } from "next";
import { getWorkspacePartner } from "./get-workspace-partner";

export type WorkspaceTabTitle = "Overview" | "Tasks" | "Referrals" | "Docs" | "Activity";

/**
 * "Tasks · Northwind Traders", which the root layout's template ends with " · Partnerdesk".
 * The partner is read once per request (cached), shared with the page.
 */
export async function workspaceMetadata(
  params: Promise<{ partnerId: string }>,
  tab: WorkspaceTabTitle,
): Promise<Metadata> {
  const partner = await getWorkspacePartner((await params).partnerId);
  return { title: partner ? `${tab} · ${partner.name}` : "Partner not found" };
}
