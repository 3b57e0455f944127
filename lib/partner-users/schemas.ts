import { z } from "zod";
import { PORTAL_SECTIONS } from "@/lib/portal/sections";

const instant = z.union([z.iso.datetime({ offset: true }), z.literal(""), z.null()]).optional().transform((value) => value || null);

/** A grant's scope and window; the same schema drives the forms and the server actions. */
export const accessWindowSchema = z
  .object({
    scope: z.array(z.enum(PORTAL_SECTIONS)),
    startsAt: instant,
    endsAt: instant,
  })
  .refine((value) => !value.startsAt || !value.endsAt || new Date(value.endsAt) > new Date(value.startsAt), {
    message: "The end must be after the start",
    path: ["endsAt"],
  });

export const grantInputSchema = z
  .object({
    partnerId: z.uuid({ message: "Choose a partner" }),
    scope: z.array(z.enum(PORTAL_SECTIONS)),
    startsAt: instant,
    endsAt: instant,
  })
  .refine((value) => !value.startsAt || !value.endsAt || new Date(value.endsAt) > new Date(value.startsAt), {
    message: "The end must be after the start",
    path: ["endsAt"],
  });
export type GrantInput = z.output<typeof grantInputSchema>;

export const invitePartnerUserSchema = z.object({
  email: z.email({ message: "Enter a valid email address" }).transform((value) => value.trim().toLowerCase()),
  name: z.string().trim().min(1, "Enter their name").max(200),
  grants: z.array(grantInputSchema).min(1, "Give at least one partner"),
});

export const grantPartnerAccessSchema = z.object({ partnerUserId: z.uuid(), grant: grantInputSchema });
export const revokePartnerAccessSchema = z.object({ grantId: z.uuid() });
export const updateAccessWindowSchema = z.object({ grantId: z.uuid(), window: accessWindowSchema });
export const partnerUserIdSchema = z.object({ partnerUserId: z.uuid() });
