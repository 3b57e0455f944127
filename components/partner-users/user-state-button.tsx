"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { deactivatePartnerUser } from "@/lib/partner-users/actions/deactivate-partner-user";
import { reactivatePartnerUser } from "@/lib/partner-users/actions/reactivate-partner-user";

export function UserStateButton({
  partnerUserId,
  isActive,
  label,
}: {
  partnerUserId: string;
  isActive: boolean;
  label: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant={isActive ? "ghost" : "secondary"}
      size="sm"
      pending={pending}
      className={isActive ? "text-red-700 hover:bg-red-50" : undefined}
      onClick={() => {
        if (
          isActive &&
          !window.confirm(`Deactivate ${label}? They are signed out everywhere and lose all access until reactivated.`)
        )
          return;
        startTransition(async () => {
          const result = isActive
            ? await deactivatePartnerUser({ partnerUserId })
            : await reactivatePartnerUser({ partnerUserId });
          if (!result.ok) {
            toast.error(result.error);
            return;
          }
          toast.success(isActive ? `${label} deactivated.` : `${label} reactivated.`);
          router.refresh();
        });
      }}
    >
      {isActive ? "Deactivate" : "Reactivate"}
    </Button>
  );
}
