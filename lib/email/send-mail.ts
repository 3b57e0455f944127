import nodemailer from "nodemailer";
import { smtpSettings, type SmtpSettings } from "./smtp-settings";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe, for one). */
  headers?: Record<string, string>;
  /** A stable Message-ID, so a message sent again is recognisably the same one. */
  messageId?: string;
};

export type SendMailResult =
  | { ok: true; messageId: string }
  /**
   * `code` is nodemailer's (ECONNECTION, EAUTH, EENVELOPE, ...) or ECONFIG when the SMTP_*
   * settings are missing; `responseCode` the server's SMTP reply. `message` may name the
   * recipient: log the codes.
   */
  | { ok: false; code?: string; responseCode?: number; message: string };

/** nodemailer's options for the settings: the same timeouts for one-off sends and the runner's pool. */
export function transportOptions(settings: SmtpSettings) {
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.auth,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
}

/** A refusal as a result: the codes to log, and a message that may name the recipient. */
export function sendFailure(error: unknown): Extract<SendMailResult, { ok: false }> {
  const failure = error as { code?: string; responseCode?: number; message?: string };
  return {
    ok: false,
    code: failure.code,
    responseCode: failure.responseCode,
    message: failure.message ?? String(error),
  };
}

/**
 * Sends one email over SMTP. A refusal comes back as a result, not a throw, so callers
 * decide what the person sees; the reason is theirs to log. One connection per email:
 * the app keeps nothing between requests.
 */
export async function sendMail(mail: Mail, configured?: SmtpSettings): Promise<SendMailResult> {
  let settings: SmtpSettings;
  try {
    settings = configured ?? smtpSettings();
  } catch (error) {
    // A deployment without SMTP settings: the caller answers as for a refusal.
    return { ok: false, code: "ECONFIG", message: error instanceof Error ? error.message : String(error) };
  }
  const transport = nodemailer.createTransport(transportOptions(settings));
  try {
    const info = await transport.sendMail({ from: settings.from, ...mail });
    return { ok: true, messageId: info.messageId };
  } catch (error) {
    return sendFailure(error);
  } finally {
    transport.close();
  }
}
