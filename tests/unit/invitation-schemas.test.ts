import { describe, expect, it } from "vitest";
import { invitationMail } from "@/lib/invitations/invitation-email";
import { choosePasswordSchema, invitationEmail, invitationToken } from "@/lib/invitations/schemas";
import { inviteMemberSchema } from "@/lib/members/schemas";
import { invitePartnerUserSchema } from "@/lib/partner-users/schemas";

const TOKEN = "BPN2tskfn5pxS6gNRJvNX3d0oH31hrPIIRhTgesDJ5I";
const OVER_LONG = `${"a".repeat(245)}@acme.test`;
const LIMIT = "Use an email address of at most 254 characters";

function emailError(schema: { safeParse: (value: unknown) => { success: boolean; error?: unknown } }, value: unknown) {
  const result = schema.safeParse(value) as {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
  return result.error?.issues.find((entry) => entry.path[0] === "email" || entry.path.length === 0)?.message;
}

describe("invitation email addresses", () => {
  it("trims and lowercases, and keeps a 254-character address", () => {
    const exact = `${"a".repeat(244)}@acme.test`;
    expect(exact).toHaveLength(254);
    expect(invitationEmail().parse(`  ${exact.toUpperCase()} `)).toBe(exact);
  });

  it("refuses 255 characters with the limit in the message, in both invite forms", () => {
    expect(OVER_LONG).toHaveLength(255);
    expect(emailError(invitationEmail(), OVER_LONG)).toBe(LIMIT);
    expect(emailError(inviteMemberSchema, { email: OVER_LONG, role: "member" })).toBe(LIMIT);
    expect(
      emailError(invitePartnerUserSchema, {
        email: OVER_LONG,
        name: "Ivy",
        grants: [{ partnerId: "0cc175b9-c0f1-b6a8-31c3-99e269772661", scope: [] }],
      }),
    ).toBe(LIMIT);
  });

  it("refuses what is not an address, and what is not a string", () => {
    for (const value of ["", "nope", "a@b", "two@@acme.test"])
      expect(emailError(invitationEmail(), value), value).toBe("Enter a valid email address");
    expect(emailError(invitationEmail(), 42)).toBe("Enter a valid email address");
  });
});

describe("invitation tokens and the first password", () => {
  it("takes only the 43-character base64url token the database issues", () => {
    expect(invitationToken.parse(TOKEN)).toBe(TOKEN);
    for (const value of ["", TOKEN.slice(1), `${TOKEN}=`, TOKEN.replace("B", "+"), undefined])
      expect(invitationToken.safeParse(value).success, String(value)).toBe(false);
  });

  it("wants 8 to 72 characters, typed twice alike", () => {
    expect(
      choosePasswordSchema.safeParse({ token: TOKEN, password: "long enough", confirm: "long enough" }).success,
    ).toBe(true);
    const short = choosePasswordSchema.safeParse({ token: TOKEN, password: "short", confirm: "short" });
    expect(short.error?.issues[0]?.message).toBe("Use at least 8 characters");
    const mismatch = choosePasswordSchema.safeParse({ token: TOKEN, password: "long enough", confirm: "other one" });
    expect(mismatch.error?.issues[0]).toMatchObject({ path: ["confirm"], message: "The passwords do not match" });
  });
});

describe("invitationMail", () => {
  const mail = invitationMail({
    to: "new@acme.test",
    orgName: "Acme\r\nBcc: evil@x.test",
    inviterName: "<b>Avery</b>",
    role: "manager",
    link: `https://partners.example.com/invitation?token=${TOKEN}`,
    expiresAt: new Date("2026-12-08T12:00:00Z"),
  });

  it("keeps the subject on one line and escapes names in the HTML", () => {
    expect(mail.subject).toBe("<b>Avery</b> invited you to Acme Bcc: evil@x.test on Partnerdesk");
    expect(mail.html).toContain("&lt;b&gt;Avery&lt;/b&gt;");
    expect(mail.html).not.toContain("<b>Avery</b>");
  });

  it("links to the app's invitation page, never to the auth server, and says what the role may do", () => {
    expect(mail.html).toContain(`href="https://partners.example.com/invitation?token=${TOKEN}"`);
    expect(mail.text).not.toContain("/auth/");
    expect(mail.text).toContain("manager: ");
    expect(mail.text).toContain("Tue, 08 Dec 2026 12:00:00 GMT");
  });
});
