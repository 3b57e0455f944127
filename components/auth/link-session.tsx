"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { continueAfterSignIn } from "@/lib/auth/actions/continue-after-sign-in";
import { linkFailureOf, type LinkFailure } from "@/lib/auth/link-failure";
import { createClientForLinkSession } from "@/lib/supabase/client";
import { LinkFailureNotice } from "./link-failure-notice";

/**
 * Takes the session an admin-API invitation carries in the URL's fragment
 * (`#access_token=…&refresh_token=…&type=invite`), stores it with setSession (cookies,
 * so the server sees it), and continues to where the server says this person lands.
 */
export function LinkSession({ next }: { next?: string }) {
  const router = useRouter();
  const [failure, setFailure] = useState<LinkFailure>();
  const started = useRef(false);

  useEffect(() => {
    // Strict mode runs effects twice in development; the tokens are used once.
    if (started.current) return;
    started.current = true;
    const fragment = new URLSearchParams(window.location.hash.slice(1));
    // Tokens must not stay in the address bar, the history or a copied link.
    window.history.replaceState(window.history.state, "", `${window.location.pathname}${window.location.search}`);
    void (async () => {
      const failed = fragment.get("error_code") ?? fragment.get("error");
      if (failed) return setFailure(linkFailureOf(failed));
      const accessToken = fragment.get("access_token");
      const refreshToken = fragment.get("refresh_token");
      if (!accessToken || !refreshToken) return setFailure("incomplete");
      const { error } = await createClientForLinkSession().auth.setSession({
        access_token: accessToken,
        refresh_token: refreshToken,
      });
      if (error) return setFailure(linkFailureOf(error.code));
      const result = await continueAfterSignIn({
        next: fragment.get("type") === "recovery" ? "/login/new-password" : next,
      });
      if (!result.ok) return setFailure("expired");
      router.replace(result.data.next);
      router.refresh();
    })();
  }, [next, router]);

  if (failure) return <LinkFailureNotice reason={failure} next={next} titled />;
  return (
    <p role="status" className="text-center text-sm text-slate-600">
      Signing you in…
    </p>
  );
}
