import { z } from "zod";
import { recordId } from "@/lib/validation/record-id";
import { PARTNER_STATUSES, PARTNER_TIERS } from "./constants";

/**
 * A partner's editable fields, as the database constrains them. The grid's inline
 * edits, the workspace forms and the server actions all parse with these.
 */
export const partnerFieldsSchema = z.object({
  name: z.string().trim().min(1, { error: "Name is required" }).max(200, { error: "Use at most 200 characters" }),
  status: z.enum(PARTNER_STATUSES, { error: "Choose a status" }),
  tier: z.enum(PARTNER_TIERS, { error: "Choose a tier" }),
  owner_id: recordId("Choose an owner").nullable(),
  region: z
    .string()
    .trim()
    .max(100, { error: "Use at most 100 characters" })
    .transform((value) => value || null)
    .nullable(),
  website: z
    .string()
    .trim()
    .transform((value) => value || null)
    .nullable()
    .refine((value) => value === null || /^https?:\/\/\S+$/i.test(value), {
      error: "Enter a URL starting with http:// or https://",
    }),
  primary_contact_name: z
    .string()
    .trim()
    .max(200, { error: "Use at most 200 characters" })
    .transform((value) => value || null)
    .nullable(),
  primary_contact_email: z
    .string()
    .trim()
    .toLowerCase()
    .transform((value) => value || null)
    .nullable()
    .refine((value) => value === null || z.email().safeParse(value).success, { error: "Enter a valid email address" }),
  commission_rate: z.coerce
    .number({ error: "Enter a percentage" })
    .min(0, { error: "Use 0 to 100" })
    .max(100, { error: "Use 0 to 100" })
    .nullable(),
  tags: z.array(z.string().trim().min(1).max(50)).max(20, { error: "Use at most 20 tags" }),
});
export type PartnerFields = z.infer<typeof partnerFieldsSchema>;

/** A change to some fields of one partner, with the version the editor saw (concurrency check). */
export const partnerPatchSchema = z.object({
  // guid, not uuid: ids made by md5(...)::uuid (the seed, imports from other systems) carry no RFC version bits.
  partnerId: recordId(),
  /** The row's updated_at when it was loaded; a newer one in the database means someone else changed it. */
  expectedUpdatedAt: z.string().min(1),
  changes: partnerFieldsSchema
    .partial()
    .refine((changes) => Object.keys(changes).length > 0, { error: "Nothing to change" }),
});
export type PartnerPatch = z.infer<typeof partnerPatchSchema>;
