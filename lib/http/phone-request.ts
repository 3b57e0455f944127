const PHONE_AGENT = /\b(Mobi|iPhone|iPod|Android.+Mobile|Windows Phone)\b/i;

/**
 * Whether a request most likely comes from a phone, for a first render that has to pick one
 * of two layouts before any script has measured the screen: the `Sec-CH-UA-Mobile` client
 * hint where the browser sends it, else the user agent. A guess only; the client corrects it
 * from the real viewport (components/ui/use-narrow-screen.ts).
 */
export function isPhoneRequest(sent: Pick<Headers, "get">): boolean {
  const hint = sent.get("sec-ch-ua-mobile");
  if (hint) return hint.trim() === "?1";
  return PHONE_AGENT.test(sent.get("user-agent") ?? "");
}
