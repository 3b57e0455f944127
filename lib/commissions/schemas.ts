import { z } from "zod";
import { optionalDate, optionalId, optionalText, positiveMoney, requiredDate, uuid } from "@/lib/workspace/form-fields";

/** Recording a commission: amount above 0, earned on a day, due not before it. */
export const commissionFormSchema = z
  .object({
    amount: positiveMoney(),
    description: optionalText(1000),
    earned_at: requiredDate("Earned date"),
    due_at: optionalDate(),
    referral_id: optionalId("Choose a referral from the list"),
  })
  .refine((commission) => !commission.due_at || commission.due_at >= commission.earned_at, {
    error: "The due date cannot be before the earned date",
    path: ["due_at"],
  });
export type CommissionFormInput = z.input<typeof commissionFormSchema>;

export const createCommissionSchema = z.intersection(commissionFormSchema, z.object({ partnerId: uuid() }));
/** Editing a pending one: the same fields; the database refuses an amount change once it has moved on. */
export const updateCommissionSchema = z.intersection(commissionFormSchema, z.object({ commissionId: uuid() }));
export const commissionIdSchema = z.object({ commissionId: uuid() });
