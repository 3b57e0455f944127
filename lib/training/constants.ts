/** Training states, as the partner_training status check allows them. */
export const TRAINING_STATUSES = ["not_started", "in_progress", "completed", "expired"] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

export const TRAINING_STATUS_LABELS: Record<TrainingStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  completed: "Completed",
  expired: "Expired",
};

/** States that need a completion day (the table's check says so too). */
export const TRAINING_NEEDS_COMPLETION: readonly TrainingStatus[] = ["completed", "expired"];

/** What a partner_training row tracks (partner_training.kind). */
export const TRAINING_KINDS = ["course", "certification"] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
