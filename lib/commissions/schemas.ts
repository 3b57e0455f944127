import { z } from "zod";
import { optionalDate, requiredDate } from "@/lib/validation/calendar-date";
import { positiveMoney } from "@/lib/validation/money";
import { MACHINE_NUMBERS, type NumberSigns } from "@/lib/validation/number-signs";
import { recordId } from "@/lib/validation/record-id";
import { optionalText } from "@/lib/validation/text";
import { optionalId } from "@/lib/workspace/form-fields";

/** Recording a commission: amount above 0 (typed with the org's number signs), earned on a day, due not before it. */
export function commissionFormSchemaFor(signs: NumberSigns) {
  return z
    .object({
      amount: positiveMoney(signs),
      description: optionalText(1000),
      earned_at: requiredDate("Earned date"),
      due_at: optionalDate(),
      referral_id: optionalId("Choose a referral from the list"),
    })
    .refine((commission) => !commission.due_at || commission.due_at >= commission.earned_at, {
      error: "The due date cannot be before the earned date",
      path: ["due_at"],
    });
}
export const commissionFormSchema = commissionFormSchemaFor(MACHINE_NUMBERS);
export type CommissionFormInput = z.input<typeof commissionFormSchema>;

export const createCommissionSchemaFor = (signs: NumberSigns) =>
  z.intersection(commissionFormSchemaFor(signs), z.object({ partnerId: recordId() }));
/** Editing a pending one: the same fields; the database refuses an amount change once it has moved on. */
export const updateCommissionSchemaFor = (signs: NumberSigns) =>
  z.intersection(commissionFormSchemaFor(signs), z.object({ commissionId: recordId() }));
export const createCommissionSchema = createCommissionSchemaFor(MACHINE_NUMBERS);
export const updateCommissionSchema = updateCommissionSchemaFor(MACHINE_NUMBERS);
export const commissionIdSchema = z.object({ commissionId: recordId() });
