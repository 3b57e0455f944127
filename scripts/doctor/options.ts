import { parseArgs } from "node:util";
import { z } from "zod";

export const USAGE =
  "usage: npm run doctor -- --url <project url> --secret-key <key> [--db-url <connection string>] " +
  "[--access-token <management api token>] [--site-url <app url>] [--project-ref <ref>]";

const url = z
  .url({ protocol: /^https?$/, error: "is not an http(s) URL" })
  .transform((value) => value.replace(/\/+$/, ""));

const schema = z.object({
  url,
  secretKey: z.string().min(1),
  dbUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgresql://")
    .optional(),
  accessToken: z.string().min(1).optional(),
  siteUrl: url.optional(),
  projectRef: z
    .string()
    .regex(/^[a-z0-9]{20}$/, "is 20 lower-case letters and digits")
    .optional(),
});

export type DoctorOptions = z.infer<typeof schema>;

const blank = (value: string | undefined) => (value === undefined || value.trim() === "" ? undefined : value.trim());

/**
 * Flags first, then the variables the app and the Supabase CLI already read: the same
 * environment that deploys the app can check it.
 */
export function parseOptions(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): { ok: true; options: DoctorOptions } | { ok: false; error: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        url: { type: "string" },
        "secret-key": { type: "string" },
        "db-url": { type: "string" },
        "access-token": { type: "string" },
        "site-url": { type: "string" },
        "project-ref": { type: "string" },
      },
    }));
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const parsed = schema.safeParse({
    url: blank(values.url) ?? blank(env.NEXT_PUBLIC_SUPABASE_URL) ?? blank(env.SUPABASE_URL),
    secretKey: blank(values["secret-key"]) ?? blank(env.SUPABASE_SECRET_KEY) ?? blank(env.SUPABASE_SERVICE_ROLE_KEY),
    dbUrl: blank(values["db-url"]),
    accessToken: blank(values["access-token"]) ?? blank(env.SUPABASE_ACCESS_TOKEN),
    siteUrl: blank(values["site-url"]) ?? blank(env.NEXT_PUBLIC_SITE_URL) ?? blank(env.SITE_URL),
    projectRef: blank(values["project-ref"]),
  });
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const flag = `--${String(first.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    return { ok: false, error: first.code === "invalid_type" ? `${flag} is required` : `${flag} ${first.message}` };
  }
  return { ok: true, options: parsed.data };
}

/** A hosted project's ref, the first label of https://<ref>.supabase.co. */
export function projectRefOf(options: DoctorOptions): string | undefined {
  if (options.projectRef) return options.projectRef;
  const match = /^https:\/\/([a-z0-9]{20})\.supabase\.co$/.exec(options.url);
  return match?.[1];
}
