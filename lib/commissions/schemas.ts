import { z } from "zod";
import { optionalDate, optionalText, positiveMoney, requiredDate, uuid } from "@/lib/workspace/form-fields";

/** Recording a commission: amount above 0, earned on a day, due not before it. */
export const commissionFormSchema = z
  .object({
    amount: positiveMoney(),
    description: optionalText(1000),
    earned_at: requiredDate("Earned date"),
    due_at: optionalDate(),
    referral_id: z
      .string()
      .transform((value) => value || null)
      .refine((value) => value === null || z.uuid().safeParse(value).success, { error: "Choose a referral from the list" }),
  })
  .refine((commission) => !commission.due_at || commission.due_at >= commission.earned_at, {
    error: "The due date cannot be before the earned date",
    path: ["due_at"],
  });
export type CommissionFormInput = z.input<typeof commissionFormSchema>;

export const createCommissionSchema = z.intersection(commissionFormSchema, z.object({ partnerId: uuid() }));
export const commissionIdSchema = z.object({ commissionId: uuid() });
