"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { changeMemberRole } from "@/lib/members/actions/change-member-role";
import { removeMember } from "@/lib/members/actions/remove-member";
import { changeMemberRoleSchema, type ChangeMemberRoleFormInput } from "@/lib/members/schemas";
import { STAFF_ROLES, type StaffRole } from "@/lib/orgs/roles";

/**
 * Role picker (saved on change) and remove button. The last-admin rule is the database's:
 * its message is shown under the row as is. A refused role change puts the select back to
 * the role the member still has, since that is the truth.
 */
export function MemberRowActions({ userId, role, label }: { userId: string; role: StaffRole; label: string }) {
  const router = useRouter();
  const [removing, startRemove] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(changeMemberRoleSchema),
    defaultValues: { userId, role } satisfies ChangeMemberRoleFormInput,
  });
  const { errors, isSubmitting } = form.formState;

  const saveRole = form.handleSubmit(async (values) => {
    setMessage(null);
    const result = await changeMemberRole(form.getValues());
    if (!result.ok) {
      form.reset({ userId, role });
      form.setError("role", { type: "server", message: result.fieldErrors?.role ?? result.error });
      return;
    }
    toast.success(`${label} is now ${values.role}.`);
    form.reset({ userId, role: values.role });
    router.refresh();
  });

  function remove() {
    if (!window.confirm(`Remove ${label} from the organization?`)) return;
    form.clearErrors();
    setMessage(null);
    startRemove(async () => {
      const result = await removeMember({ userId });
      if (!result.ok) {
        setMessage(result.error);
        return;
      }
      toast.success(`${label} removed.`);
      router.refresh();
    });
  }

  const error = errors.role?.message ?? message;
  return (
    <form
      onSubmit={saveRole}
      noValidate
      aria-label={`Membership of ${label}`}
      className="flex flex-col gap-1 sm:items-end"
    >
      <div className="flex items-center gap-2">
        <select
          aria-label={`Role of ${label}`}
          aria-invalid={errors.role ? true : undefined}
          disabled={isSubmitting || removing}
          {...form.register("role", { onChange: () => void saveRole() })}
          className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm aria-[invalid=true]:border-red-500"
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
          pending={removing}
          disabled={isSubmitting}
          onClick={remove}
        >
          Remove
        </Button>
      </div>
      {error && (
        <p role="alert" className="max-w-xs text-xs font-medium text-red-600 sm:text-right">
          {error}
        </p>
      )}
    </form>
  );
}
