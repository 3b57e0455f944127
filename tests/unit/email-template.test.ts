import { describe, expect, it } from "vitest";
import { compileEventEmail, renderEmail } from "@/lib/notifications/email/event-email-template";
import { EventEmail } from "@/lib/notifications/email/templates";

// The hidden preview pads its text to a fixed length; only that padding may differ.
const withoutPadding = (value: string) => value.replace(/[\u00a0\u200b-\u200f\ufeff]+/g, "");

describe("the compiled event email", () => {
  it("fills to what a direct render gives, escaping what React escapes", async () => {
    const props = {
      orgName: `Acme & Sons "Ltd"`,
      line: {
        title: "Referral won",
        detail: `<script>alert('x')</script> & more`,
        href: "https://app.example.com/admin/partners/1/referrals?a=1&b=2",
      },
      unsubscribeUrl: "https://app.example.com/unsubscribe?token=abc&x=1",
      preferencesUrl: "https://app.example.com/admin/account/notifications",
    };
    const direct = await renderEmail(EventEmail(props));
    const filled = (await compileEventEmail()).fill(props);
    expect(withoutPadding(filled.html)).toBe(withoutPadding(direct.html));
    expect(withoutPadding(filled.text).replace(/\s+/g, " ")).toBe(withoutPadding(direct.text).replace(/\s+/g, " "));
    expect(filled.html).not.toContain("<script>");
    expect(filled.html).not.toContain("PDSLOT");
    expect(filled.text).toContain("Referral won");
    expect(filled.text).toContain(props.unsubscribeUrl);
  });
});
