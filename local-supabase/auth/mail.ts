import nodemailer, { type Transporter } from "nodemailer";
import { DEFAULT_BODIES, DEFAULT_SUBJECTS } from "./default-templates";
import { internal } from "./errors";
import type { AuthSettings, TemplateKind } from "./settings";
import { readTemplate, renderSubject, renderTemplate, type TemplateData } from "./templates";

/**
 * Auth emails over SMTP to the local mailbox (maildev), rendered from supabase/templates,
 * or from GoTrue's built-in ones when GOTRUE_MAILER_TEMPLATES=default.
 */
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
    const builtIn = this.settings.mailerTemplates === "default";
    const template = builtIn ? { subject: DEFAULT_SUBJECTS[kind], contentPath: "" } : this.settings.templates[kind];
    let html: string;
    try {
      html = renderTemplate(builtIn ? DEFAULT_BODIES[kind] : readTemplate(template), data);
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
