import type { Context } from "./context";
import type { Db } from "./db";
import { createFlowState, authenticationMethod, type Pkce } from "./flow-state";
import { checkEmailFrequency, issueToken, type TokenKind } from "./otp";
import { verifyUrl } from "./redirect";
import type { TemplateKind } from "./settings";
import type { UserRow } from "./users";

export type EmailLink = {
  template: TemplateKind;
  tokenKind: TokenKind;
  /** The `type` the link and verifyOtp carry. */
  verifyType: "magiclink" | "recovery" | "invite" | "signup";
  redirectTo: string;
  pkce?: Pkce;
  /** GoTrue's max_frequency applies to magic links, recovery and confirmation; not to invites. */
  throttle: boolean;
};

/** Issues a token (and PKCE flow state) and mails the link and code, inside the caller's transaction. */
export async function sendEmailLink(ctx: Context, db: Db, user: UserRow, link: EmailLink): Promise<void> {
  if (link.throttle) checkEmailFrequency(ctx.settings, user, link.tokenKind);
  if (link.pkce) await createFlowState(db, user.id, authenticationMethod(link.verifyType), link.pkce);
  const issued = await issueToken(db, ctx.settings, user, link.tokenKind, Boolean(link.pkce));
  await ctx.mailer.send(link.template, user.email ?? "", {
    ConfirmationURL: verifyUrl(ctx.settings, issued.hashedToken, link.verifyType, link.redirectTo),
    Token: issued.otp,
    TokenHash: issued.hashedToken,
    SiteURL: ctx.settings.siteUrl,
    RedirectTo: link.redirectTo,
    Email: user.email ?? "",
    Data: user.raw_user_meta_data ?? {},
  });
}
