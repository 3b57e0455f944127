import { afterEach, describe, expect, it, vi } from "vitest";
import { sendMail } from "@/lib/email/send-mail";
import { smtpSettings } from "@/lib/email/smtp-settings";
import { accessGrantedEmail, listNames } from "@/lib/partner-users/access-granted-email";

describe("smtpSettings", () => {
  it("reads the SMTP_* variables, with STARTTLS unless the port is 465 or SMTP_SECURE says so", () => {
    expect(smtpSettings({ SMTP_HOST: "smtp.example.com", SMTP_FROM: "Partnerdesk <no-reply@example.com>" })).toEqual({
      host: "smtp.example.com",
      port: 587,
      secure: false,
      auth: undefined,
      from: "Partnerdesk <no-reply@example.com>",
    });
    const implicitTls = smtpSettings({
      SMTP_HOST: "smtp.example.com",
      SMTP_PORT: "465",
      SMTP_USER: "apikey",
      SMTP_PASS: "secret",
      SMTP_FROM: "a@example.com",
    });
    expect(implicitTls).toMatchObject({ port: 465, secure: true, auth: { user: "apikey", pass: "secret" } });
    expect(
      smtpSettings({ SMTP_HOST: "127.0.0.1", SMTP_PORT: "54325", SMTP_SECURE: "false", SMTP_FROM: "a@b.co" }).secure,
    ).toBe(false);
  });

  it("names what is missing", () => {
    expect(() => smtpSettings({ SMTP_FROM: "a@b.co" })).toThrow(/SMTP_HOST is not set/);
    expect(() => smtpSettings({ SMTP_HOST: "h", SMTP_FROM: "" })).toThrow(/SMTP_FROM is not set/);
  });
});

describe("sendMail without SMTP settings", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("answers a result the caller can turn into words, instead of throwing", async () => {
    vi.stubEnv("SMTP_HOST", "");
    vi.stubEnv("SMTP_FROM", "");
    const sent = await sendMail({ to: "a@b.co", subject: "s", text: "t", html: "<p>t</p>" });
    expect(sent).toMatchObject({ ok: false, code: "ECONFIG" });
  });
});

describe("accessGrantedEmail", () => {
  const mail = accessGrantedEmail({
    to: "ana@partner.test",
    name: "Ana <b>",
    partnerNames: ["Northwind", "Contoso\nCloud", "Fabrikam & Co"],
    signInUrl: "http://localhost:3000/portal/login",
  });

  it("names the partners in one subject line", () => {
    expect(listNames(["A"])).toBe("A");
    expect(listNames(["A", "B"])).toBe("A and B");
    expect(mail.subject).toBe("You now have access to Northwind, Contoso Cloud and Fabrikam & Co on Partnerdesk");
  });

  it("links to the portal's sign-in page and carries no token", () => {
    expect(mail.html).toContain('href="http://localhost:3000/portal/login"');
    expect(mail.text).toContain("http://localhost:3000/portal/login");
    expect(mail.html).not.toMatch(/token|\/auth\//);
    expect(mail.text).not.toMatch(/\b\d{6}\b/);
  });

  it("escapes names in the HTML", () => {
    expect(mail.html).toContain("Ana &lt;b&gt;");
    expect(mail.html).toContain("Fabrikam &amp; Co");
    expect(mail.html).not.toContain("<b>");
  });
});
