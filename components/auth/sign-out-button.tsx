"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { signOut } from "@/lib/auth/actions/sign-out";
import { Button } from "@/components/ui/button";

export function SignOutButton({ to }: { to: "admin" | "portal" }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="ghost"
      size="sm"
      pending={pending}
      onClick={() =>
        startTransition(async () => {
          // On success the action redirects; if the session was already gone, go anyway.
          await signOut({ to });
          router.push(to === "portal" ? "/portal/login" : "/login");
        })
      }
    >
      Sign out
    </Button>
  );
}
