"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { updatePassword } from "@/lib/auth/actions/update-password";
import { newPasswordSchema, type NewPasswordInput } from "@/lib/auth/schemas";

export function NewPasswordForm({ askCurrent }: { askCurrent: boolean }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const form = useForm<NewPasswordInput>({
    resolver: zodResolver(newPasswordSchema),
    defaultValues: { currentPassword: "", password: "", confirm: "" },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await updatePassword(values);
    if (result.ok) {
      toast.success("Your password has been changed. Your other devices were signed out.");
      router.replace(result.data.next);
      router.refresh();
      return;
    }
    setFormError(result.error);
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      if (field === "currentPassword" || field === "password" || field === "confirm") form.setError(field, { message });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      {askCurrent && (
        <Field label="Current password" error={form.formState.errors.currentPassword?.message}>
          <Input type="password" autoComplete="current-password" autoFocus {...form.register("currentPassword")} />
        </Field>
      )}
      <Field label="New password" hint="At least 8 characters." error={form.formState.errors.password?.message}>
        <Input type="password" autoComplete="new-password" autoFocus={!askCurrent} {...form.register("password")} />
      </Field>
      <Field label="Repeat the new password" error={form.formState.errors.confirm?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("confirm")} />
      </Field>
      <Button type="submit" className="w-full" pending={form.formState.isSubmitting}>
        Set new password
      </Button>
    </form>
  );
}
