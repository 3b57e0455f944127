"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { acceptInvitation } from "@/lib/invitations/actions/accept-invitation";

/** An existing account's consent: nothing is accepted until they press the button. */
export function AcceptInvitationForm({ token, orgName }: { token: string; orgName: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  async function accept() {
    setError(undefined);
    setPending(true);
    const result = await acceptInvitation({ token });
    if (!result.ok) {
      setPending(false);
      setError(result.error);
      return;
    }
    toast.success(`You joined ${orgName}.`);
    router.replace(result.data.next);
    router.refresh();
  }
  return (
    <div className="space-y-4">
      {error && <Alert tone="error">{error}</Alert>}
      <Button className="w-full" pending={pending} onClick={() => void accept()}>
        Accept invitation
      </Button>
    </div>
  );
}
