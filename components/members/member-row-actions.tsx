"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { changeMemberRole } from "@/lib/members/actions/change-member-role";
import { removeMember } from "@/lib/members/actions/remove-member";
import { STAFF_ROLES, type StaffRole } from "@/lib/orgs/roles";

/** Role picker and remove button; the last-admin rule is the database's, its message is shown as is. */
export function MemberRowActions({ userId, role, label }: { userId: string; role: StaffRole; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function run(work: () => Promise<{ ok: boolean; error?: string }>, success: string) {
    startTransition(async () => {
      const result = await work();
      if (!result.ok) toast.error(result.error);
      else toast.success(success);
      router.refresh();
    });
  }
  return (
    <div className="flex items-center gap-2">
      <select
        aria-label={`Role of ${label}`}
        value={role}
        disabled={pending}
        onChange={(event) => run(() => changeMemberRole({ userId, role: event.target.value }), `${label} is now ${event.target.value}.`)}
        className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm"
      >
        {STAFF_ROLES.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
      <Button
        variant="ghost"
        size="sm"
        className="text-red-700 hover:bg-red-50"
        disabled={pending}
        onClick={() => {
          if (window.confirm(`Remove ${label} from the organization?`)) run(() => removeMember({ userId }), `${label} removed.`);
        }}
      >
        Remove
      </Button>
    </div>
  );
}
