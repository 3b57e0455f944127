import { z } from "zod";
import { currencyCodes, isTimeZone } from "./locales";

const LOCALE_SHAPE = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** The organization's name, locale, currency and time zone, as an admin edits them. */
export const organizationSettingsSchema = z.object({
  name: z.string().trim().min(1, "Enter the organization's name").max(200, "Use at most 200 characters"),
  locale: z
    .string()
    .trim()
    .regex(LOCALE_SHAPE, "Choose a locale such as en-US or de-DE")
    .refine((tag) => Intl.NumberFormat.supportedLocalesOf(tag).length > 0, "Choose a locale from the list"),
  currency: z
    .string()
    .trim()
    .transform((code) => code.toUpperCase())
    .pipe(
      z
        .string()
        .regex(/^[A-Z]{3}$/, "Use a three-letter currency code, like EUR")
        .refine((code) => currencyCodes().includes(code), "Choose a currency from the list"),
    ),
  time_zone: z
    .string()
    .trim()
    .min(1, "Choose a time zone, like Europe/Berlin")
    .refine(isTimeZone, "Choose a time zone from the list, like Europe/Berlin"),
});

export type OrganizationSettingsInput = z.input<typeof organizationSettingsSchema>;
export type OrganizationSettings = z.output<typeof organizationSettingsSchema>;
