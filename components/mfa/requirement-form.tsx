"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { setMfaRequirement } from "@/lib/mfa/actions/set-requirement";
import { REQUIREMENT_LABELS } from "@/lib/mfa/requirement";
import { MFA_REQUIREMENTS, requirementSchema, type MfaRequirement, type RequirementInput } from "@/lib/mfa/schemas";

const DESCRIPTIONS: Record<MfaRequirement, string> = {
  none: "Anyone may turn on two-factor sign-in for themselves.",
  admins: "Admins must enter a code from an authenticator app to use this organization.",
  staff: "Every member must enter a code from an authenticator app to use this organization.",
};

/** The admins' setting: who must sign in with a second factor. Saved changes are audited. */
export function RequirementForm({ current }: { current: MfaRequirement }) {
  const router = useRouter();
  const form = useForm<RequirementInput>({
    resolver: zodResolver(requirementSchema),
    defaultValues: { requirement: current },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    const result = await setMfaRequirement(values);
    if (!result.ok) {
      form.setError("requirement", { message: result.fieldErrors?.requirement ?? result.error });
      return;
    }
    toast.success(`Two-factor sign-in: ${REQUIREMENT_LABELS[result.data.requirement]!.toLowerCase()}.`);
    form.reset({ requirement: result.data.requirement });
    router.refresh();
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="sr-only">Who must sign in with two factors</legend>
        {MFA_REQUIREMENTS.map((value) => (
          <label
            key={value}
            className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50/40"
          >
            <input type="radio" value={value} className="mt-1" {...form.register("requirement")} />
            <span>
              <span className="block text-sm font-medium text-slate-900">{REQUIREMENT_LABELS[value]}</span>
              <span className="block text-sm text-slate-500">{DESCRIPTIONS[value]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {errors.requirement?.message && <Alert tone="error">{errors.requirement.message}</Alert>}
      <Button type="submit" pending={isSubmitting} disabled={!isDirty}>
        Save requirement
      </Button>
    </form>
  );
}
