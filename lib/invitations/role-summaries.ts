import type { StaffRole } from "@/lib/orgs/roles";

/** What each staff role may do, in one line, as the database's permission matrix has it. */
export const ROLE_SUMMARIES: Record<StaffRole, string> = {
  admin: "Everything, including inviting and removing members, the organization's settings and the audit log.",
  manager:
    "Edits partners and their workspaces, and also deletes partners, runs commissions and manages partner users.",
  member: "Edits partners and their workspaces: tasks, referrals, documents, notes and training.",
  viewer: "Reads everything staff can see and changes nothing.",
};
