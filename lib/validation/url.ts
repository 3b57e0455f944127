import { z } from "zod";
import { cleanText } from "./text";

export const MAX_URL_LENGTH = 2048;

const tooLong = `Use a link of at most ${MAX_URL_LENGTH.toLocaleString("en-US")} characters`;
const notAUrl = "Enter a link starting with http:// or https://";

function urlProblem(value: string): string | null {
  if (value.length > MAX_URL_LENGTH) return tooLong;
  if (!/^https?:\/\/[^\s]+$/i.test(value) || !URL.canParse(value) || new URL(value).hostname === "") return notAUrl;
  return null;
}

// One message per link (the length first), without aborting the form's other rules.
const reportUrl = (value: string | null, ctx: z.RefinementCtx) => {
  const problem = value === null ? null : urlProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
};

/** A required web link (http or https), at most 2,048 characters. */
export const requiredUrl = (missing: string) =>
  z
    .string({ error: missing })
    .transform(cleanText)
    .superRefine((value, ctx) => {
      if (value === "") ctx.addIssue({ code: "custom", message: missing });
      else reportUrl(value, ctx);
    });

/** An optional web link: "" means none. */
export const optionalUrl = () =>
  z
    .union([z.string(), z.null()], { error: notAUrl })
    .optional()
    .transform((value) => cleanText(value ?? "") || null)
    .superRefine(reportUrl);
