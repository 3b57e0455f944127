/** Date inputs speak local days; grants store instants. A day means its local midnight. */
export function dayToInstant(day: string): string | null {
  return day ? new Date(`${day}T00:00:00`).toISOString() : null;
}

export function instantToDay(instant: string | null): string {
  if (!instant) return "";
  const date = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function showDay(instant: string | null): string {
  return instant ? new Intl.DateTimeFormat("en-US", { dateStyle: "medium" }).format(new Date(instant)) : "";
}
