import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { anonClient, createUser } from "../auth/helpers";
import { sql } from "../support/db";
import { testEnv } from "../support/env";
import { token } from "./support/rows";

/**
 * npm run org:create makes an existing account the new org's admin without emailing them
 * and without spending a sign-in code they are about to type (it used to look the user up
 * with admin.generateLink, which issued a new token); a new address gets GoTrue's
 * invitation, leading back to the app's /auth/callback.
 */
const run = promisify(execFile);
const projectDir = path.resolve(import.meta.dirname, "../..");

type Mail = { subject: string; html: string; date: string; to: { address: string }[] };

async function mailsTo(address: string, since: Date): Promise<Mail[]> {
  const mails = (await (await fetch(`${testEnv.mailboxUrl}/email`)).json()) as Mail[];
  return mails.filter(
    (mail) => mail.to.some((recipient) => recipient.address === address) && new Date(mail.date) >= since,
  );
}

function orgCreate(...args: string[]) {
  return run(path.join(projectDir, "node_modules", ".bin", "tsx"), ["scripts/org-create.ts", ...args], {
    cwd: projectDir,
    env: { ...process.env, NEXT_PUBLIC_SITE_URL: "" },
    timeout: 60_000,
  });
}

describe("org:create", () => {
  it("makes an existing account admin without an email, and their pending code still signs them in", async () => {
    const user = await createUser("org-create");
    const person = anonClient();
    const asked = new Date(Date.now() - 1000);
    expect(
      (await person.auth.signInWithOtp({ email: user.email, options: { shouldCreateUser: false } })).error,
    ).toBeNull();
    let code: string | undefined;
    await expect
      .poll(async () => {
        code = /\b(\d{6})\b/.exec((await mailsTo(user.email, asked))[0]?.html.replace(/<[^>]+>/g, " ") ?? "")?.[1];
        return code;
      })
      .toMatch(/^\d{6}$/);

    const slug = `lookup-${token()}`;
    const started = new Date();
    const { stdout } = await orgCreate("--name", `Lookup ${slug}`, "--admin-email", user.email, "--slug", slug);
    expect(stdout).toContain("already had an account");
    const [membership] = await sql<{ role: string; user_id: string }>(
      "select m.role, m.user_id from public.org_members m join public.organizations o on o.id = m.org_id where o.slug = $1",
      [slug],
    );
    expect(membership).toEqual({ role: "admin", user_id: user.id });
    // Give a stray email time to land before saying none came.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await mailsTo(user.email, started)).toEqual([]);

    const { data, error } = await person.auth.verifyOtp({ email: user.email, token: code!, type: "email" });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(user.id);
  });

  it("invites a new address, with a link back to the app's /auth/callback", async () => {
    const email = `org-create-new-${token()}@example.test`;
    const slug = `invite-${token()}`;
    const since = new Date(Date.now() - 1000);
    const { stdout } = await orgCreate(
      "--name",
      `Invite ${slug}`,
      "--admin-email",
      email,
      "--slug",
      slug,
      "--site-url",
      "http://localhost:3000",
    );
    expect(stdout).toContain("An invitation email is on its way");
    let mail: Mail | undefined;
    await expect
      .poll(async () => {
        mail = (await mailsTo(email, since))[0];
        return mail?.subject;
      })
      .toMatch(/invited/i);
    const link = /href="([^"]+)"/.exec(mail!.html)![1]!.replaceAll("&amp;", "&");
    const redirectTo = new URL(new URL(link).searchParams.get("redirect_to")!);
    expect(`${redirectTo.origin}${redirectTo.pathname}`).toBe("http://localhost:3000/auth/callback");
    expect(redirectTo.searchParams.get("next")).toBe("/admin/partners");
  });
});
