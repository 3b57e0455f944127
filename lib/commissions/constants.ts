/** Commission states and the only moves the database allows (see the state machine trigger). */
export const COMMISSION_STATUSES = ["pending", "approved", "paid", "void"] as const;
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];

export const COMMISSION_STATUS_LABELS: Record<CommissionStatus, string> = {
  pending: "Pending",
  approved: "Approved",
  paid: "Paid",
  void: "Void",
};

export const COMMISSION_MOVES: Record<CommissionStatus, readonly CommissionStatus[]> = {
  pending: ["approved", "void"],
  approved: ["paid", "void"],
  paid: [],
  void: [],
};

export function canMoveCommission(from: CommissionStatus, to: CommissionStatus): boolean {
  return COMMISSION_MOVES[from].includes(to);
}
