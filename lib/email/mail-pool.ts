import nodemailer from "nodemailer";
import { sendFailure, transportOptions, type Mail, type SendMailResult } from "./send-mail";
import { smtpSettings, type SmtpSettings } from "./smtp-settings";

export type MailPool = {
  send: (mail: Mail) => Promise<SendMailResult>;
  /** Ends every connection; call it when the batch is done, whatever happened. */
  close: () => void;
};

/**
 * A few SMTP connections shared by a batch of emails, each carrying many messages in turn.
 * Opening a connection (and its TLS handshake) per email is what held the runner's emails
 * back; the pool lives only as long as one run, so nothing outlasts the request.
 */
export function openMailPool(options: { connections?: number; settings?: SmtpSettings } = {}): MailPool {
  let settings: SmtpSettings;
  try {
    settings = options.settings ?? smtpSettings();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { send: async () => ({ ok: false, code: "ECONFIG", message }), close: () => {} };
  }
  const transport = nodemailer.createTransport({
    ...transportOptions(settings),
    pool: true,
    maxConnections: options.connections ?? 4,
    maxMessages: Infinity,
  });
  return {
    send: async (mail) => {
      try {
        const info = await transport.sendMail({ from: settings.from, ...mail });
        return { ok: true, messageId: info.messageId };
      } catch (error) {
        return sendFailure(error);
      }
    },
    close: () => transport.close(),
  };
}
