/**
 * The locales an admin may choose for the organization: every one a default
 * (private.default_locale) can give, and the common ones beside them. The database checks
 * only the BCP 47 shape (organizations_locale_format), so an org created with another tag
 * keeps it and sees it offered.
 */
export const SUPPORTED_LOCALES = [
  "en-US",
  "en-GB",
  "en-CA",
  "en-AU",
  "en-IE",
  "en-IN",
  "de-DE",
  "de-AT",
  "de-CH",
  "fr-FR",
  "fr-CA",
  "es-ES",
  "es-MX",
  "it-IT",
  "nl-NL",
  "pt-BR",
  "pt-PT",
  "sv-SE",
  "da-DK",
  "nb-NO",
  "fi-FI",
  "pl-PL",
  "ja-JP",
  "ko-KR",
  "zh-CN",
] as const;

/** IANA time zones as the runtime knows them, with UTC (which the list leaves out). */
export function timeZoneNames(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

/** ISO 4217 currencies as the runtime knows them. */
export function currencyCodes(): string[] {
  return Intl.supportedValuesOf("currency");
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
