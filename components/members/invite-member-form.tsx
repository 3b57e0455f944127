"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { inviteMember } from "@/lib/members/actions/invite-member";
import { STAFF_ROLES, type StaffRole } from "@/lib/orgs/roles";

export function InviteMemberForm() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<StaffRole>("member");
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  return (
    <form
      aria-label="Invite a member"
      noValidate
      className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await inviteMember({ email, role });
          if (!result.ok) {
            setErrors(result.fieldErrors ?? { form: result.error });
            if (!result.fieldErrors) toast.error(result.error);
            return;
          }
          setErrors({});
          toast.success(result.data.existed ? `${email} added to the organization.` : `Invitation sent to ${email}.`);
          setEmail("");
          router.refresh();
        });
      }}
    >
      <Field label="Email" error={errors.email}>
        <Input type="email" value={email} onChange={(event) => setEmail(event.target.value)} autoComplete="off" />
      </Field>
      <Field label="Role" error={errors.role}>
        <Select value={role} onChange={(event) => setRole(event.target.value as StaffRole)}>
          {STAFF_ROLES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" pending={pending}>
        Send invitation
      </Button>
    </form>
  );
}
