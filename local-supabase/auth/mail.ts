import nodemailer, { type Transporter } from "nodemailer";
import { internal } from "./errors";
import type { AuthSettings, TemplateKind } from "./settings";
import { readTemplate, renderSubject, renderTemplate, type TemplateData } from "./templates";

/** Auth emails over SMTP to the local mailbox (maildev), rendered from supabase/templates. */
export class Mailer {
  private readonly transport: Transporter;

  constructor(private readonly settings: AuthSettings) {
    this.transport = nodemailer.createTransport({
      host: settings.smtp.host,
      port: settings.smtp.port,
      secure: false,
      ignoreTLS: true,
    });
  }

  async send(kind: TemplateKind, to: string, data: TemplateData): Promise<void> {
    const template = this.settings.templates[kind];
    let html: string;
    try {
      html = renderTemplate(readTemplate(template), data);
    } catch (error) {
      throw internal(`Error sending ${kind} email: cannot read template ${template.contentPath}: ${String(error)}`);
    }
    try {
      await this.transport.sendMail({
        from: { name: this.settings.smtp.senderName, address: this.settings.smtp.adminEmail },
        to,
        subject: renderSubject(template.subject, data),
        html,
      });
    } catch (error) {
      throw internal(`Error sending ${kind} email: ${String(error)}`);
    }
  }

  close(): void {
    this.transport.close();
  }
}
