import fs from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { AUTH_MAPPINGS, SMTP_MAPPINGS, TEMPLATE_KINDS, type AuthMapping } from "./auth-config-mapping";
import { fetchWithin, unreachable } from "./http";
import { fail, pass, skip, type CheckLine } from "./lines";
import { projectRefOf, type DoctorOptions } from "./options";

const projectDir = path.resolve(import.meta.dirname, "../..");
const MANAGEMENT_API = "https://api.supabase.com";
const PUSH = "npx supabase config push (npx supabase config diff shows what it will change)";

type Toml = Record<string, unknown>;
export type Remote = Record<string, unknown>;

function at(root: unknown, keys: string[]): unknown {
  let node = root;
  for (const key of keys) node = node && typeof node === "object" ? (node as Toml)[key] : undefined;
  return node;
}

const label = (key: string[]) => `[${["auth", ...key.slice(0, -1)].join(".")}] ${key.at(-1)}`;

function shown(value: unknown): string {
  const text = value === undefined || value === null ? "unset" : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** `env(NAME)` reads NAME, as the CLI does; anything else stands as written. */
function resolve(value: unknown, env: Record<string, string | undefined>): { value: unknown } | { missing: string } {
  if (typeof value === "string") {
    const name = /^env\((.+)\)$/.exec(value)?.[1];
    if (name) return env[name] ? { value: env[name] } : { missing: name };
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => resolve(item, env));
    const missing = items.find((item) => "missing" in item);
    return missing ?? { value: items.map((item) => ("value" in item ? item.value : undefined)) };
  }
  return { value };
}

export type AuthConfigInput = {
  toml: Toml;
  remote: Remote;
  env: Record<string, string | undefined>;
  /** Reads a template named by content_path (relative to the project folder). */
  readTemplate: (contentPath: string) => string | undefined;
  siteUrl?: string;
};

function compareOne(mapping: AuthMapping, input: AuthConfigInput): CheckLine | "same" {
  const raw = at(input.toml, ["auth", ...mapping.key]);
  if (raw === undefined)
    return skip(`auth config: ${label(mapping.key)} is not set in supabase/config.toml, not compared`);
  const resolved = resolve(raw, input.env);
  if ("missing" in resolved)
    return skip(`auth config: ${label(mapping.key)} not compared: it reads env(${resolved.missing}), not set here`);
  const expected = mapping.toApi(resolved.value);
  const actual = input.remote[mapping.field];
  const same = mapping.same ? mapping.same(expected, actual) : expected === actual;
  if (same) return "same";
  return fail(
    `auth config: ${label(mapping.key)} (${mapping.field}) is ${shown(actual)} on the project, config.toml says ${shown(expected)}`,
    PUSH,
  );
}

function templateLines(input: AuthConfigInput): (CheckLine | "same")[] {
  const results: (CheckLine | "same")[] = [];
  for (const kind of TEMPLATE_KINDS) {
    const template = at(input.toml, ["auth", "email", "template", kind]);
    if (!template || typeof template !== "object") continue;
    const { subject, content_path: contentPath } = template as { subject?: unknown; content_path?: unknown };
    if (typeof subject === "string") {
      const field = `mailer_subjects_${kind}`;
      results.push(
        input.remote[field] === subject
          ? "same"
          : fail(
              `auth config: the ${kind} email's subject is ${shown(input.remote[field])} on the project, config.toml says ${shown(subject)}`,
              PUSH,
            ),
      );
    }
    if (typeof contentPath === "string") {
      const field = `mailer_templates_${kind}_content`;
      const content = input.readTemplate(contentPath);
      const remote = input.remote[field];
      const normal = (text: unknown) => (typeof text === "string" ? text.replace(/\r\n/g, "\n").trim() : undefined);
      if (content === undefined)
        results.push(fail(`auth config: ${contentPath} is missing`, "restore the template file"));
      else
        results.push(
          normal(remote) === normal(content)
            ? "same"
            : fail(
                `auth config: the project's ${kind} email template differs from ${contentPath} (its links would not reach /auth/confirm)`,
                PUSH,
              ),
        );
    }
  }
  return results;
}

function smtpConfigured(input: AuthConfigInput): CheckLine {
  const host = input.remote.smtp_host;
  return typeof host === "string" && host !== ""
    ? pass(`custom SMTP is set (${host})`)
    : fail(
        "custom SMTP is not set: the default sender mails only the project's team, so invitations never arrive",
        `fill [auth.email.smtp] in supabase/config.toml (pass = "env(…)"), then ${PUSH}; or Authentication → Emails → SMTP Settings`,
      );
}

/** The SMTP values config.toml sets, when its [auth.email.smtp] is enabled. */
function smtpValues(input: AuthConfigInput): (CheckLine | "same")[] {
  if (at(input.toml, ["auth", "email", "smtp", "enabled"]) !== true) return [];
  return SMTP_MAPPINGS.map((mapping) => compareOne(mapping, input));
}

function siteLine(input: AuthConfigInput): CheckLine | undefined {
  if (!input.siteUrl) return undefined;
  const remote = String(input.remote.site_url ?? "").replace(/\/+$/, "");
  return remote === input.siteUrl
    ? pass(`the auth server's site URL is the app's (${input.siteUrl})`)
    : fail(
        `the auth server's site URL is ${shown(input.remote.site_url)}, but the app is at ${input.siteUrl}: email links go there`,
        `set the site URL variable config.toml reads to ${input.siteUrl}, then ${PUSH}`,
      );
}

/**
 * The project's auth configuration (as the Management API returns it) against the values
 * supabase/config.toml would push. One line per value that differs; one ✓ for the rest.
 */
export function compareAuthConfig(input: AuthConfigInput): CheckLine[] {
  const results = [
    ...AUTH_MAPPINGS.map((mapping) => compareOne(mapping, input)),
    ...templateLines(input),
    ...smtpValues(input),
  ];
  const same = results.filter((result) => result === "same").length;
  const site = siteLine(input);
  return [
    ...(same > 0
      ? [pass(`auth config: ${same} ${same === 1 ? "value matches" : "values match"} supabase/config.toml`)]
      : []),
    ...results.filter((result): result is CheckLine => result !== "same"),
    smtpConfigured(input),
    ...(site ? [site] : []),
  ];
}

/** process.env over supabase/.env.local over supabase/.env: the CLI's order. */
export function configEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = {};
  for (const file of [".env", ".env.local"]) {
    const full = path.join(projectDir, "supabase", file);
    if (fs.existsSync(full)) Object.assign(merged, parseEnvFile(fs.readFileSync(full, "utf8")));
  }
  return { ...merged, ...env };
}

function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) values[match[1]!] = match[2]!.replace(/^(['"])(.*)\1$/, "$2");
  }
  return values;
}

export function readProjectToml(): Toml {
  return parse(fs.readFileSync(path.join(projectDir, "supabase", "config.toml"), "utf8")) as Toml;
}

export function readTemplate(contentPath: string): string | undefined {
  const full = path.resolve(projectDir, contentPath);
  return fs.existsSync(full) ? fs.readFileSync(full, "utf8") : undefined;
}

export type RemoteAuthConfig = { ok: true; remote: Remote } | { ok: false; line: CheckLine };

/** GET /v1/projects/{ref}/config/auth with a personal access token. */
export async function fetchAuthConfig(ref: string, token: string): Promise<RemoteAuthConfig> {
  let response: Response;
  try {
    response = await fetchWithin(`${MANAGEMENT_API}/v1/projects/${ref}/config/auth`, {
      headers: { authorization: `Bearer ${token}`, accept: "application/json" },
    });
  } catch (error) {
    return { ok: false, line: fail(`the Management API does not answer (${unreachable(error)})`, "retry later") };
  }
  if (response.status === 401 || response.status === 403)
    return {
      ok: false,
      line: fail(
        `the Management API refuses the access token (${response.status})`,
        "create a token at https://supabase.com/dashboard/account/tokens and pass it as --access-token",
      ),
    };
  if (!response.ok)
    return {
      ok: false,
      line: fail(
        `the Management API answers ${response.status} for project ${ref}`,
        "check the project ref (pass --project-ref when --url is a custom domain)",
      ),
    };
  return { ok: true, remote: (await response.json()) as Remote };
}

export async function checkAuthConfig(options: DoctorOptions, remote?: RemoteAuthConfig): Promise<CheckLine[]> {
  if (!options.accessToken) return [skip("auth configuration: not checked: pass --access-token")];
  const ref = projectRefOf(options);
  if (!ref)
    return [skip("auth configuration: not checked: --url is not https://<ref>.supabase.co; pass --project-ref")];
  const answer = remote ?? (await fetchAuthConfig(ref, options.accessToken));
  if (!answer.ok) return [answer.line];
  return compareAuthConfig({
    toml: readProjectToml(),
    remote: answer.remote,
    env: configEnv(),
    readTemplate,
    siteUrl: options.siteUrl,
  });
}
