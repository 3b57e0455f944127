import { z } from "zod";

/**
 * Where the app's own emails go (the auth server sends its emails through the SMTP set
 * on the Supabase project; these settings are for the ones the app sends itself). On the
 * local stack they point at its mailbox; on a deployment, at the same provider the
 * project uses, so both kinds of email come from one sender.
 */
export type SmtpSettings = {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  auth?: { user: string; pass: string };
  from: string;
};

const smtpEnv = z.object({
  SMTP_HOST: z.string({ error: "SMTP_HOST is not set" }).trim().min(1, { error: "SMTP_HOST is not set" }),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_FROM: z.string({ error: "SMTP_FROM is not set" }).trim().min(3, { error: "SMTP_FROM is not set" }),
  SMTP_SECURE: z.enum(["true", "false"], { error: "SMTP_SECURE must be true or false" }).optional(),
});

/** Reads SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASS, SMTP_FROM and SMTP_SECURE; throws naming what is missing. */
export function smtpSettings(env: Record<string, string | undefined> = process.env): SmtpSettings {
  const parsed = smtpEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")));
  if (!parsed.success) {
    throw new Error(
      `The app's email settings are incomplete (${parsed.error.issues.map((issue) => issue.message).join("; ")}); see README, "Environment"`,
    );
  }
  const value = parsed.data;
  return {
    host: value.SMTP_HOST,
    port: value.SMTP_PORT,
    secure: value.SMTP_SECURE ? value.SMTP_SECURE === "true" : value.SMTP_PORT === 465,
    auth: value.SMTP_USER ? { user: value.SMTP_USER, pass: value.SMTP_PASS ?? "" } : undefined,
    from: value.SMTP_FROM,
  };
}
