/** The hour the digest goes out when neither the person nor the organization chose one. */
export const BUILT_IN_DIGEST_HOUR = 8;

/** "08:00": an hour of the organization's wall clock. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}
