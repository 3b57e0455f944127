import { dayIn } from "@/lib/format/day-range";

/** A grant's instant as the day the org sees it (what the date inputs hold); "" for none. */
export function instantToDay(instant: string | null, timeZone: string): string {
  return instant ? dayIn(instant, timeZone) : "";
}
