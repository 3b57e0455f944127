import { z } from "zod";
import { recordId } from "@/lib/validation/record-id";
import { PARTNER_STATUSES } from "./constants";
import { directoryFilterSchema } from "./directory-params";

/** Hand-picked rows are sent by id; beyond this, "select all matching" sends the filter instead. */
export const MAX_BULK_IDS = 500;

export const bulkChangeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("status"), status: z.enum(PARTNER_STATUSES, { error: "Choose a status" }) }),
  z.object({ kind: z.literal("owner"), ownerId: recordId("Choose an owner").nullable() }),
  z.object({ kind: z.literal("archive") }),
  z.object({ kind: z.literal("restore") }),
]);
export type BulkChange = z.infer<typeof bulkChangeSchema>;

export const bulkUpdatePartnersSchema = z.object({
  target: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("ids"),
      ids: z
        .array(recordId())
        .min(1, { error: "Select at least one partner" })
        .max(MAX_BULK_IDS, { error: `Select at most ${MAX_BULK_IDS} partners, or select all that match the filter` }),
    }),
    z.object({ kind: z.literal("filter"), filter: directoryFilterSchema }),
  ]),
  change: bulkChangeSchema,
});
export type BulkUpdatePartnersInput = z.input<typeof bulkUpdatePartnersSchema>;
