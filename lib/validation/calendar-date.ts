import { z } from "zod";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Why `value` is not a calendar day written YYYY-MM-DD, or null when it is one. */
export function calendarDateProblem(value: string): string | null {
  const match = DAY.exec(value);
  if (!match) return "Enter a date as YYYY-MM-DD";
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return "That date does not exist: a month is 01 to 12";
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > length) return `That date does not exist: ${MONTHS[month - 1]} ${year} has ${length} days`;
  return null;
}

const problemIssue = (value: string, ctx: z.RefinementCtx) => {
  const problem = calendarDateProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
};

/** A required calendar day (what <input type="date"> gives). */
export const requiredDate = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required` })
    .superRefine(problemIssue);

/** An optional calendar day: "" means none. */
export const optionalDate = () =>
  z
    .union([z.string(), z.null()], { error: "Enter a date as YYYY-MM-DD" })
    .optional()
    .transform((value) => (value ?? "").trim() || null)
    .superRefine((value, ctx) => {
      if (value !== null) problemIssue(value, ctx);
    });
