import fs from "node:fs";
import type { EmailTemplate } from "./settings";

/**
 * The Go-template placeholders Supabase's email templates use ({{ .ConfirmationURL }},
 * {{ .Token }}, {{ .TokenHash }}, {{ .SiteURL }}, {{ .RedirectTo }}, {{ .Email }},
 * {{ .Data.key }}), escaped by context the way Go's html/template does it: inside an
 * attribute after a `?` a value is query-escaped, elsewhere HTML-escaped.
 */
export type TemplateData = {
  ConfirmationURL: string;
  Token: string;
  TokenHash: string;
  SiteURL: string;
  RedirectTo: string;
  Email: string;
  Data: Record<string, unknown>;
};

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" })[char]!,
  );
}

/** True when `offset` sits inside a quoted attribute value, after a `?` in it. */
function inUrlQuery(template: string, offset: number): boolean {
  const before = template.slice(0, offset);
  const open = Math.max(before.lastIndexOf('="'), before.lastIndexOf("='"));
  if (open === -1) return false;
  const value = before.slice(open + 2);
  if (/["'>]/.test(value)) return false;
  return value.includes("?");
}

function lookup(data: TemplateData, name: string): string {
  const [head, ...rest] = name.split(".");
  let value: unknown = (data as unknown as Record<string, unknown>)[head!];
  for (const key of rest)
    value = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  return value === undefined || value === null ? "" : String(value);
}

export function renderTemplate(template: string, data: TemplateData): string {
  return template.replace(/\{\{-?\s*\.([A-Za-z][\w.]*)\s*-?\}\}/g, (_match, name: string, offset: number) => {
    const value = lookup(data, name);
    return inUrlQuery(template, offset) ? encodeURIComponent(value) : escapeHtml(value);
  });
}

export function renderSubject(subject: string, data: TemplateData): string {
  return subject.replace(/\{\{-?\s*\.([A-Za-z][\w.]*)\s*-?\}\}/g, (_match, name: string) => lookup(data, name));
}

export function readTemplate(template: EmailTemplate): string {
  return fs.readFileSync(template.contentPath, "utf8");
}
