import { z } from "zod";
import { recordId } from "@/lib/validation/record-id";

/** The six digits an authenticator app shows; spaces people type between groups are dropped. */
export const codeField = z
  .string()
  .transform((value) => value.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app."));

export const friendlyNameField = z
  .string()
  .trim()
  .min(1, "Name this authenticator, for example “Work phone”.")
  .max(60, "Keep the name under 60 characters.");

export const MFA_REQUIREMENTS = ["none", "admins", "staff"] as const;
export type MfaRequirement = (typeof MFA_REQUIREMENTS)[number];

export const enrolSchema = z.object({ friendlyName: friendlyNameField });
export const confirmEnrolmentSchema = z.object({ factorId: recordId(), code: codeField });
export const removeFactorSchema = z.object({ factorId: recordId(), code: codeField });
export const signInCodeSchema = z.object({ code: codeField, next: z.string().max(2000).optional() });
export const requirementSchema = z.object({ requirement: z.enum(MFA_REQUIREMENTS) });
export const resetMemberSchema = z.object({ userId: recordId(), code: codeField });

export type EnrolInput = z.input<typeof enrolSchema>;
export type CodeInput = z.input<typeof signInCodeSchema>;
export type RequirementInput = z.input<typeof requirementSchema>;

export const WRONG_CODE = "That code is not right. Check the time on your device and try the newest code.";
