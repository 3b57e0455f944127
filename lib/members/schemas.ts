import { z } from "zod";
import { STAFF_ROLES } from "@/lib/orgs/roles";

export const inviteMemberSchema = z.object({
  email: z.email({ message: "Enter a valid email address" }).transform((value) => value.trim().toLowerCase()),
  role: z.enum(STAFF_ROLES, { message: "Choose a role" }),
});
export const changeMemberRoleSchema = z.object({ userId: z.uuid(), role: z.enum(STAFF_ROLES) });
export const removeMemberSchema = z.object({ userId: z.uuid() });
