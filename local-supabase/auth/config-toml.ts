import fs from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";

/**
 * supabase/config.toml as the Supabase CLI reads it: a string `env(NAME)` stands for the
 * variable NAME. The file holds a hosted project's production values (it is what
 * `supabase config push` sends), so values only the local stack knows, such as its site
 * URL, come in through env(). A value the server reads whose variable is unset is an
 * error here, never a literal "env(NAME)" URL; secrets of features the local server does
 * not have (SMS, OAuth providers) are never read, so they need no variable.
 */
export type Toml = Record<string, unknown>;
export type Env = Record<string, string | undefined>;

const ENV_REFERENCE = /^env\((.+)\)$/;

/** The [auth] table of the project's config.toml; {} when there is no file. */
export function readAuthTable(projectDir: string): Toml {
  const file = path.join(projectDir, "supabase", "config.toml");
  if (!fs.existsSync(file)) return {};
  const auth = (parse(fs.readFileSync(file, "utf8")) as Toml).auth;
  return auth && typeof auth === "object" ? (auth as Toml) : {};
}

export function section(root: Toml, ...keys: string[]): Toml {
  let node: unknown = root;
  for (const key of keys) node = node && typeof node === "object" ? (node as Toml)[key] : undefined;
  return node && typeof node === "object" ? (node as Toml) : {};
}

/** A string value with env(NAME) resolved; undefined when the key is absent or not a string. */
export function tomlString(table: Toml, key: string, env: Env, where: string): string | undefined {
  const value = table[key];
  if (typeof value !== "string") return undefined;
  const name = ENV_REFERENCE.exec(value)?.[1];
  if (name === undefined) return value;
  const resolved = env[name];
  if (resolved === undefined || resolved === "") {
    throw new Error(`supabase/config.toml: ${where}.${key} = "env(${name})", but ${name} is not set`);
  }
  return resolved;
}

/** A list of strings, each resolved; an element may hold several comma-separated values, as GoTrue's lists do. */
export function tomlStringList(table: Toml, key: string, env: Env, where: string): string[] | undefined {
  const value = table[key];
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((item, index) =>
    typeof item === "string"
      ? (tomlString({ [`${key}[${index}]`]: item }, `${key}[${index}]`, env, where) ?? "")
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean)
      : [],
  );
}
