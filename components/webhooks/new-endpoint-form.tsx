"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NOTIFICATION_EVENT_LABELS, NOTIFICATION_EVENT_TYPES } from "@/lib/notifications/event-types";
import { createWebhookEndpoint } from "@/lib/webhooks/actions/create-webhook-endpoint";
import { SecretReveal } from "./secret-reveal";

/** URL, description, events and enabled; on success the new secret is shown once. */
export function NewEndpointForm() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [secret, setSecret] = useState<string | null>(null);

  const submit = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const input = {
      url: String(data.get("url") ?? ""),
      description: String(data.get("description") ?? ""),
      eventTypes: data.getAll("eventTypes").map(String),
      enabled: data.get("enabled") === "on",
    };
    setErrors({});
    startTransition(async () => {
      const result = await createWebhookEndpoint(input);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? { form: result.error });
        return;
      }
      setSecret(result.data.secret);
      form.reset();
      toast.success("Endpoint added.");
      router.refresh();
    });
  };

  return (
    <form
      noValidate
      aria-label="New webhook endpoint"
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
    >
      {secret && <SecretReveal secret={secret} />}
      <Field label="URL" error={errors.url} hint="Where each event is POSTed, signed.">
        <Input name="url" type="url" placeholder="https://example.com/webhooks" autoComplete="off" />
      </Field>
      <Field label="Description" error={errors.description}>
        <Input name="description" placeholder="CRM sync" />
      </Field>
      <fieldset aria-describedby={errors.eventTypes ? "event-types-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">Events</legend>
        <div className="mt-2 grid gap-x-4 gap-y-1.5 sm:grid-cols-2 lg:grid-cols-3">
          {NOTIFICATION_EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" name="eventTypes" value={type} className="size-4" />
              {NOTIFICATION_EVENT_LABELS[type]}
              <span className="font-mono text-xs text-slate-400">{type}</span>
            </label>
          ))}
        </div>
        {errors.eventTypes && (
          <p id="event-types-error" role="alert" className="mt-1 text-xs font-medium text-red-600">
            {errors.eventTypes}
          </p>
        )}
      </fieldset>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="enabled" defaultChecked className="size-4" />
        Enabled
      </label>
      {errors.form && (
        <p role="alert" className="text-sm text-red-700">
          {errors.form}
        </p>
      )}
      <Button type="submit" pending={pending}>
        Add endpoint
      </Button>
    </form>
  );
}
