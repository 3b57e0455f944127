"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { FormError } from "@/components/workspace/form-error";
import { useActionForm } from "@/components/workspace/use-action-form";
import { inviteMember } from "@/lib/members/actions/invite-member";
import { inviteMemberSchema, type InviteMemberFormInput } from "@/lib/members/schemas";
import { STAFF_ROLES } from "@/lib/orgs/roles";

const EMPTY: InviteMemberFormInput = { email: "", role: "member" };

/** Invite staff by email with a role; the action parses the same schema. */
export function InviteMemberForm() {
  const router = useRouter();
  const form = useForm({ resolver: zodResolver(inviteMemberSchema), defaultValues: EMPTY });
  const { errors } = form.formState;
  const { submit, formError, pending } = useActionForm(form, inviteMember, (data) => {
    toast.success(`Invitation sent to ${data.email}.`);
    form.reset({ ...EMPTY, role: form.getValues("role") });
    router.refresh();
  });
  return (
    <form aria-label="Invite a member" noValidate onSubmit={submit} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-start">
        <Field label="Email" error={errors.email?.message}>
          <Input type="email" autoComplete="off" {...form.register("email")} />
        </Field>
        <Field label="Role" error={errors.role?.message}>
          <Select {...form.register("role")}>
            {STAFF_ROLES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" pending={pending} className="sm:mt-7">
          Send invitation
        </Button>
      </div>
      <FormError message={formError} />
    </form>
  );
}
