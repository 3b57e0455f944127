import { z } from "zod";
import { optionalEmail } from "@/lib/validation/email";
import { MACHINE_NUMBERS, type NumberSigns } from "@/lib/validation/number-signs";
import { optionalPercentage } from "@/lib/validation/percentage";
import { recordId } from "@/lib/validation/record-id";
import { tagArraySchema } from "@/lib/validation/tags";
import { optionalText, requiredText } from "@/lib/validation/text";
import { optionalUrl } from "@/lib/validation/url";
import { PARTNER_STATUSES, PARTNER_TIERS } from "./constants";

/**
 * A partner's editable fields, as the database constrains them. The grid's inline
 * edits, the workspace forms, the server actions and the CSV import all parse with
 * these. A typed commission rate follows the org's number signs ("12,5" in de-DE);
 * files and the default schema use the machine format (dot decimal, no grouping).
 */
export function partnerFieldsSchemaFor(signs: NumberSigns) {
  return z.object({
    name: requiredText("Name", 200),
    status: z.enum(PARTNER_STATUSES, { error: "Choose a status" }),
    tier: z.enum(PARTNER_TIERS, { error: "Choose a tier" }),
    owner_id: recordId("Choose an owner").nullable(),
    region: optionalText(100),
    website: optionalUrl(),
    primary_contact_name: optionalText(200),
    primary_contact_email: optionalEmail(),
    commission_rate: optionalPercentage(signs),
    tags: tagArraySchema(),
  });
}
export const partnerFieldsSchema = partnerFieldsSchemaFor(MACHINE_NUMBERS);
export type PartnerFields = z.infer<typeof partnerFieldsSchema>;

/** A change to some fields of one partner, with the version the editor saw (concurrency check). */
export function partnerPatchSchemaFor(signs: NumberSigns) {
  return z.object({
    // guid, not uuid: ids made by md5(...)::uuid (the seed, imports from other systems) carry no RFC version bits.
    partnerId: recordId(),
    /** The row's updated_at when it was loaded; a newer one in the database means someone else changed it. */
    expectedUpdatedAt: z.string().min(1),
    changes: partnerFieldsSchemaFor(signs)
      .partial()
      .refine((changes) => Object.keys(changes).length > 0, { error: "Nothing to change" }),
  });
}
export const partnerPatchSchema = partnerPatchSchemaFor(MACHINE_NUMBERS);
export type PartnerPatch = z.infer<typeof partnerPatchSchema>;
