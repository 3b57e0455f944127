import { describe, expect, it } from "vitest";
import { commissionFormSchema, updateCommissionSchema } from "@/lib/commissions/schemas";
import { updateReferralSchema } from "@/lib/referrals/schemas";
import { taskFormSchema } from "@/lib/tasks/schemas";
import { trainingFormSchema, updateTrainingSchema } from "@/lib/training/schemas";

// md5('partnerdesk:training:...')::uuid, as the seed and imports make them: no RFC 4122 version or variant
const MD5_ID = "9a0364b9-e99b-b4a1-c8f0-4d27e1d5b3c2";
const V4_ID = "33333333-3333-4333-8333-000000000001";

describe("record ids in workspace actions", () => {
  it("accept any id Postgres stores, not only RFC 4122 ones", () => {
    const training = { status: "in_progress", completed_on: "", expires_on: "" };
    expect(updateTrainingSchema.safeParse({ ...training, trainingId: MD5_ID }).success).toBe(true);
    expect(updateTrainingSchema.safeParse({ ...training, trainingId: V4_ID }).success).toBe(true);
    const referral = {
      client_name: "Helix",
      client_email: "",
      status: "submitted",
      estimated_value: "",
      actual_value: "",
      referred_at: "2026-05-01",
      closed_at: "",
    };
    expect(updateReferralSchema.safeParse({ ...referral, referralId: MD5_ID }).success).toBe(true);
    const commission = { amount: "10", description: "", earned_at: "2026-05-01", due_at: "", referral_id: MD5_ID };
    expect(commissionFormSchema.safeParse(commission).success).toBe(true);
    expect(updateCommissionSchema.safeParse({ ...commission, commissionId: MD5_ID }).success).toBe(true);
    const task = { title: "Call", description: "", status: "todo", priority: "low", due_date: "", assignee_id: MD5_ID };
    expect(taskFormSchema.safeParse(task).success).toBe(true);
  });
  it("still refuse what is not an id", () => {
    expect(
      updateTrainingSchema.safeParse({ status: "in_progress", completed_on: "", expires_on: "", trainingId: "42" })
        .success,
    ).toBe(false);
  });
});

describe("trainingFormSchema", () => {
  it("needs the completion day once completed or expired", () => {
    const result = trainingFormSchema.safeParse({ status: "expired", completed_on: "", expires_on: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["completed_on"],
      message: "Enter the day it was completed",
    });
  });
  it("keeps the expiry on or after the completion", () => {
    const result = trainingFormSchema.safeParse({
      status: "completed",
      completed_on: "2026-03-10",
      expires_on: "2026-03-01",
    });
    expect(result.error?.issues[0]).toMatchObject({
      path: ["expires_on"],
      message: "The expiry date cannot be before the completion date",
    });
    expect(
      trainingFormSchema.parse({ status: "completed", completed_on: "2026-03-10", expires_on: "2026-03-10" }),
    ).toEqual({
      status: "completed",
      completed_on: "2026-03-10",
      expires_on: "2026-03-10",
    });
  });
  it("turns empty days into null", () => {
    expect(trainingFormSchema.parse({ status: "not_started", completed_on: "", expires_on: "" })).toEqual({
      status: "not_started",
      completed_on: null,
      expires_on: null,
    });
  });
});
