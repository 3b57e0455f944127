import { render, toPlainText } from "@react-email/render";
import { EventEmail, type EmailLine } from "./templates";

export type EventEmailProps = { orgName: string; line: EmailLine; unsubscribeUrl: string; preferencesUrl: string };

// Upper-case letters only: React's escaping and the text conversion leave them as they are.
const slot = (name: string) => `PDSLOT${name}PDSLOT`;
const SLOTS = {
  orgName: slot("ORGNAME"),
  title: slot("TITLE"),
  detail: slot("DETAIL"),
  href: slot("HREF"),
  unsubscribeUrl: slot("UNSUBSCRIBE"),
  preferencesUrl: slot("PREFERENCES"),
} as const;

// Headings keep their case in the text part (html-to-text would shout them, and a filled
// slot could not follow).
const TEXT_OPTIONS = { selectors: [{ selector: "h1", options: { uppercase: false } }] };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]!);

/** One email's HTML and text, rendered through React Email (digests, and the reference for the template below). */
export async function renderEmail(element: Parameters<typeof render>[0]): Promise<{ html: string; text: string }> {
  const html = await render(element);
  return { html, text: toPlainText(html, TEXT_OPTIONS) };
}

export type EventEmailTemplate = { fill: (props: EventEmailProps) => { html: string; text: string } };

/**
 * The event email rendered once with named slots, then filled per email: a run of a thousand
 * emails costs one React render instead of a thousand (each took tens of milliseconds of the
 * runner's CPU). Values are escaped as React escapes them, so the HTML is what a direct
 * render gives, but for the hidden preview's padding length.
 */
export async function compileEventEmail(): Promise<EventEmailTemplate> {
  const compiled = await renderEmail(
    EventEmail({
      orgName: SLOTS.orgName,
      line: { title: SLOTS.title, detail: SLOTS.detail, href: SLOTS.href },
      unsubscribeUrl: SLOTS.unsubscribeUrl,
      preferencesUrl: SLOTS.preferencesUrl,
    }),
  );
  const pattern = /PDSLOT([A-Z]+)PDSLOT/g;
  return {
    fill: (props) => {
      const values: Record<string, string> = {
        ORGNAME: props.orgName,
        TITLE: props.line.title,
        DETAIL: props.line.detail,
        HREF: props.line.href,
        UNSUBSCRIBE: props.unsubscribeUrl,
        PREFERENCES: props.preferencesUrl,
      };
      return {
        html: compiled.html.replace(pattern, (_, name: string) => escapeHtml(values[name] ?? "")),
        text: compiled.text.replace(pattern, (_, name: string) => values[name] ?? ""),
      };
    },
  };
}
