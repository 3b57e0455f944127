import { z } from "zod";
import { invitationEmail } from "@/lib/invitations/schemas";
import { recordId } from "@/lib/validation/record-id";
import { STAFF_ROLES } from "@/lib/orgs/roles";

/** The member forms and the server actions parse input with these same schemas. */
export const inviteMemberSchema = z.object({
  email: invitationEmail(),
  role: z.enum(STAFF_ROLES, { error: "Choose a role" }),
});
export type InviteMemberFormInput = z.input<typeof inviteMemberSchema>;

export const changeMemberRoleSchema = z.object({
  userId: recordId(),
  role: z.enum(STAFF_ROLES, { error: "Choose a role" }),
});
export type ChangeMemberRoleFormInput = z.input<typeof changeMemberRoleSchema>;

export const removeMemberSchema = z.object({ userId: recordId() });
