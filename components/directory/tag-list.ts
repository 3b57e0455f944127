/** Splits what was typed at commas; empty pieces are dropped, duplicates kept out. */
export function addTags(tags: readonly string[], typed: string): string[] {
  const next = [...tags];
  for (const piece of typed.split(",")) {
    const tag = piece.trim();
    if (tag && !next.includes(tag)) next.push(tag);
  }
  return next;
}
