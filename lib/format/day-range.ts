/**
 * Calendar days as an organization lives them. A date input gives a day ("2026-03-08");
 * the database stores instants. "The 8th" means from the first instant of the 8th in the
 * org's time zone, not in UTC and not in the browser's zone, so an admin in New York who
 * filters on the 8th sees what happened on their 8th. Intl only: no time-zone library.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar day written YYYY-MM-DD. */
export function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The day after `day` (both YYYY-MM-DD). */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock of `instant` in `timeZone`, read as if it were UTC (ms). */
function wallClock(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}

/** The day (YYYY-MM-DD) that `instant` falls on in `timeZone`. */
export function dayIn(instant: number | string | Date, timeZone: string): string {
  return new Date(wallClock(new Date(instant).getTime(), timeZone)).toISOString().slice(0, 10);
}

/**
 * The first instant of `day` in `timeZone`, as an ISO string. Usually local midnight;
 * where a DST jump skips midnight (Santiago, Havana...), the first minute that exists.
 */
export function startOfDayIn(day: string, timeZone: string): string {
  if (!isDay(day)) throw new RangeError(`not a day: ${day}`);
  const midnightAsUtc = Date.parse(`${day}T00:00:00Z`);
  // Two passes: the offset at a first guess may differ from the offset at local midnight.
  const first = midnightAsUtc - (wallClock(midnightAsUtc, timeZone) - midnightAsUtc);
  const second = midnightAsUtc - (wallClock(first, timeZone) - first);
  const onTheDay = [first, second].filter((candidate) => dayIn(candidate, timeZone) === day);
  const start = onTheDay.length > 0 ? Math.min(...onTheDay) : Math.max(first, second);
  return new Date(start).toISOString();
}

/**
 * Inclusive days `from`..`to` as a half-open range of instants [gte, lt) in `timeZone`,
 * for filtering timestamptz columns. Either end may be missing.
 */
export function dayRangeIn(range: { from?: string; to?: string }, timeZone: string): { gte?: string; lt?: string } {
  return {
    gte: range.from ? startOfDayIn(range.from, timeZone) : undefined,
    lt: range.to ? startOfDayIn(nextDay(range.to), timeZone) : undefined,
  };
}

/** Today's date (YYYY-MM-DD) in a time zone: what "overdue" and "today" mean for an org. */
export function todayIn(timeZone: string, now = new Date()): string {
  return dayIn(now, timeZone);
}
