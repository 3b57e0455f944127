import { z } from "zod";
import { optionalDate } from "@/lib/validation/calendar-date";
import { recordId } from "@/lib/validation/record-id";
import { TRAINING_NEEDS_COMPLETION, TRAINING_STATUSES } from "./constants";

/** Where a partner stands on a course or certification: status and its days. */
export const trainingFormSchema = z
  .object({
    status: z.enum(TRAINING_STATUSES, { error: "Choose a status" }),
    completed_on: optionalDate(),
    expires_on: optionalDate(),
  })
  .refine((training) => !TRAINING_NEEDS_COMPLETION.includes(training.status) || training.completed_on !== null, {
    error: "Enter the day it was completed",
    path: ["completed_on"],
  })
  .refine(
    (training) => !training.expires_on || !training.completed_on || training.expires_on >= training.completed_on,
    {
      error: "The expiry date cannot be before the completion date",
      path: ["expires_on"],
    },
  );
export type TrainingFormInput = z.input<typeof trainingFormSchema>;

export const updateTrainingSchema = z.intersection(trainingFormSchema, z.object({ trainingId: recordId() }));
