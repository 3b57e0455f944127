/**
 * Where a server-rendered page's bytes go: the markup a browser paints before any script
 * runs, the RSC flight payload (`self.__next_f.push(...)` scripts, which React reads to
 * hydrate: every prop a client component gets travels here) and other inline scripts.
 */
export type HtmlWeight = { total: number; markup: number; flight: number; otherScripts: number };

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script>/g;

export function htmlWeight(html: string): HtmlWeight {
  const total = Buffer.byteLength(html);
  let flight = 0;
  let otherScripts = 0;
  for (const [script] of html.matchAll(SCRIPT)) {
    const bytes = Buffer.byteLength(script);
    if (script.includes("self.__next_f")) flight += bytes;
    else otherScripts += bytes;
  }
  return { total, markup: total - flight - otherScripts, flight, otherScripts };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
