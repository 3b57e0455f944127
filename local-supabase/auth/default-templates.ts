import type { TemplateKind } from "./settings";

/**
 * The emails of a hosted project whose templates were never customised: a subject, a
 * line of text and one link, {{ .ConfirmationURL }}, which is GET /verify on the auth
 * server (`<api>/auth/v1/verify?token=<hash>&type=<type>&redirect_to=<url>`). Worded
 * here, shaped as GoTrue's built-in ones: no code, no link to the app itself.
 */
export const DEFAULT_SUBJECTS: Record<TemplateKind, string> = {
  invite: "You have been invited",
  confirmation: "Confirm Your Signup",
  recovery: "Reset Your Password",
  magic_link: "Your Magic Link",
};

export const DEFAULT_BODIES: Record<TemplateKind, string> = {
  invite: `<h2>You have been invited</h2>
<p>Someone invited you to {{ .SiteURL }}. Open the link to accept.</p>
<p><a href="{{ .ConfirmationURL }}">Accept the invitation</a></p>`,
  confirmation: `<h2>Confirm your email</h2>
<p>Open the link to confirm your email address.</p>
<p><a href="{{ .ConfirmationURL }}">Confirm your email</a></p>`,
  recovery: `<h2>Reset your password</h2>
<p>Open the link to choose a new password.</p>
<p><a href="{{ .ConfirmationURL }}">Reset your password</a></p>`,
  magic_link: `<h2>Your sign-in link</h2>
<p>Open the link to sign in.</p>
<p><a href="{{ .ConfirmationURL }}">Sign in</a></p>`,
};
