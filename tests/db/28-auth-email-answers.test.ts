import net from "node:net";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startAuthServer } from "../../local-supabase/auth/server";
import { answerAnonymousEmailRequest } from "@/lib/auth/anonymous-email-request";
import { authEmailDelivery } from "@/lib/auth/auth-email-delivery";
import type { Database } from "@/lib/database.types";
import { sendMail } from "@/lib/email/send-mail";
import { smtpSettings } from "@/lib/email/smtp-settings";
import { testEnv } from "../support/env";
import { testStackConfig } from "../support/test-stack";
import { randomIp } from "../auth/helpers";
import { token } from "./support/rows";
import { createOrg, createPartnerUser } from "./support/world";

/**
 * The portal's sign-in request and the password reset answer a known and an unknown
 * address alike, also when the mail provider fails. A second auth server on the test
 * database sends its email to an SMTP server that refuses every message (554), as a
 * provider does when it is down or the sender is not allowed; the shared stack's auth
 * server stands for the provider working again.
 */
let refusing: net.Server;
let refusingPort: number;
let broken: Awaited<ReturnType<typeof startAuthServer>>;
let brokenAuthPort: number;
const service = () =>
  createClient<Database>(testEnv.apiUrl, testEnv.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });

beforeAll(async () => {
  refusing = net.createServer((socket) => socket.end("554 5.3.2 No mail accepted here\r\n"));
  await new Promise<void>((resolve) => refusing.listen(0, "127.0.0.1", resolve));
  refusingPort = (refusing.address() as net.AddressInfo).port;
  brokenAuthPort = testStackConfig().authPort + 13;
  broken = await startAuthServer({ ...testStackConfig(), authPort: brokenAuthPort, smtpPort: refusingPort });
});

afterAll(async () => {
  // Leave the provider healthy for the tests that follow on this stack.
  await service().rpc("record_auth_email_outcome", { p_outcome: "sent" });
  await broken?.close();
  await new Promise((resolve) => refusing?.close(resolve));
});

/** supabase-js as the browser-facing app uses it, against the shared stack or the broken auth server. */
function anon(target: "healthy" | "broken"): SupabaseClient {
  const ip = randomIp();
  return createClient(testEnv.apiUrl, testEnv.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false, flowType: "implicit" },
    global: {
      headers: { "x-forwarded-for": ip },
      fetch: (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (target === "healthy") return fetch(input, init);
        const headers = new Headers(init?.headers);
        headers.set("x-forwarded-for", `${ip}, 127.0.0.1`);
        return fetch(url.replace(`${testEnv.apiUrl}/auth/v1`, `http://127.0.0.1:${brokenAuthPort}`), {
          ...init,
          headers,
        });
      },
    },
  });
}

function askForLink(target: "healthy" | "broken", email: string) {
  return answerAnonymousEmailRequest(
    () => anon(target).auth.signInWithOtp({ email, options: { shouldCreateUser: false } }),
    { acceptedMeansSent: true, record: authEmailDelivery(service()), label: "portal sign-in link" },
  );
}

function askForReset(target: "healthy" | "broken", email: string) {
  return answerAnonymousEmailRequest(() => anon(target).auth.resetPasswordForEmail(email), {
    acceptedMeansSent: false,
    record: authEmailDelivery(service()),
    label: "password reset link",
  });
}

describe("answers to anonymous requests for an email", () => {
  it("while the provider refuses, a known and an unknown address both hear that no email could be sent", async () => {
    const org = await createOrg("email-answers");
    const known = await createPartnerUser(org.id, "known");
    const unknown = `nobody-${token()}@nowhere.test`;
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await askForLink("broken", known.email)).toBe("unavailable");
      // The reason is logged on the server, with the status and without the address.
      expect(logged).toHaveBeenCalledWith(
        "portal sign-in link: the auth server could not send the email",
        expect.objectContaining({ status: 500 }),
      );
      expect(JSON.stringify(logged.mock.calls)).not.toContain(known.email);
      // An unknown address never reaches the provider; it hears the same.
      expect(await askForLink("broken", unknown)).toBe("unavailable");
      expect(await askForReset("broken", unknown)).toBe("unavailable");
      expect(await askForReset("broken", known.email)).toBe("unavailable");
    } finally {
      logged.mockRestore();
    }

    // The provider works again: the first email that goes out clears the failure.
    expect(await askForLink("healthy", known.email)).toBe("on_its_way");
    expect(await askForLink("healthy", unknown)).toBe("on_its_way");
  });

  it("asking twice within the minimum gap (429) hears the same as a first request and as an unknown address", async () => {
    const org = await createOrg("email-throttle");
    const known = await createPartnerUser(org.id, "twice");
    const first = await askForLink("healthy", known.email);
    const { error } = await anon("healthy").auth.signInWithOtp({
      email: known.email,
      options: { shouldCreateUser: false },
    });
    expect(error?.status).toBe(429);
    const second = await askForLink("healthy", known.email);
    const stranger = await askForLink("healthy", `stranger-${token()}@nowhere.test`);
    expect([first, second, stranger]).toEqual(["on_its_way", "on_its_way", "on_its_way"]);
  });
});

describe("the app's own mailer", () => {
  it("delivers to the local mailbox with the settings appEnv() gives the app", async () => {
    const to = `mailer-${token()}@partner.test`;
    const sent = await sendMail({ to, subject: "Mailer check", text: "Hello", html: "<p>Hello</p>" });
    expect(sent.ok).toBe(true);
    await expect
      .poll(async () => {
        const mails = (await (await fetch(`${testEnv.mailboxUrl}/email`)).json()) as {
          subject: string;
          to: { address: string }[];
          from: { address: string }[];
        }[];
        const mail = mails.find((candidate) => candidate.to.some((recipient) => recipient.address === to));
        return mail && { subject: mail.subject, from: mail.from[0]?.address };
      })
      .toEqual({ subject: "Mailer check", from: "no-reply@partnerdesk.local" });
  });

  it("returns the server's refusal instead of throwing", async () => {
    const sent = await sendMail(
      { to: "someone@partner.test", subject: "Refused", text: "x", html: "<p>x</p>" },
      { ...smtpSettings(), port: refusingPort },
    );
    expect(sent).toMatchObject({ ok: false, responseCode: 554 });
  });
});
