"use client";

import { useState, type ReactNode } from "react";
import { Award, Pencil } from "lucide-react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useOrgFormat } from "@/components/format/org-format-provider";
import { updateTraining } from "@/lib/training/actions/update-training";
import { TRAINING_STATUSES, TRAINING_STATUS_LABELS, type TrainingStatus } from "@/lib/training/constants";
import { trainingFormSchema, type TrainingFormInput } from "@/lib/training/schemas";
import type { Training } from "@/lib/training/queries";
import { Dialog } from "../dialog";
import { FormError } from "../form-error";
import { useActionForm } from "../use-action-form";
import { usePermission } from "../workspace-context";

const TONES: Record<TrainingStatus, BadgeTone> = {
  not_started: "slate",
  in_progress: "blue",
  completed: "green",
  expired: "red",
};

/** `completed_on`/`expires_on` are calendar days (date columns): shown as such, in no time zone. */

/** The partner's courses and certifications; editors record progress on each. */
export function TrainingCard({ training, pager }: { training: Training[]; pager?: ReactNode }) {
  const edit = usePermission("edit");
  const format = useOrgFormat();
  const [editing, setEditing] = useState<Training | null>(null);
  return (
    <Card data-testid="training-card">
      <CardHeader title="Training and certification" />
      {training.length === 0 ? (
        <CardBody>
          <p className="text-sm text-slate-500">No courses or certifications recorded yet.</p>
        </CardBody>
      ) : (
        <ul className="divide-y divide-slate-100">
          {training.map((item) => {
            const status = item.status as TrainingStatus;
            return (
              <li key={item.id} data-testid="training-row" className="flex items-start gap-3 px-5 py-3 text-sm">
                <div className="min-w-0 flex-1">
                  <p className="flex items-center gap-1.5 font-medium text-slate-900">
                    {item.kind === "certification" && (
                      <Award className="size-4 shrink-0 text-amber-500" aria-label="Certification" />
                    )}
                    <span className="min-w-0 break-words">{item.name}</span>
                  </p>
                  <p className="text-xs text-slate-500">
                    {item.completed_on ? `Completed ${format.day(item.completed_on)}` : "Not completed"}
                    {item.expires_on && ` · expires ${format.day(item.expires_on)}`}
                  </p>
                </div>
                <Badge tone={TONES[status] ?? "slate"} className="shrink-0">
                  {TRAINING_STATUS_LABELS[status] ?? item.status}
                </Badge>
                {edit.allowed && (
                  <Button
                    variant="ghost"
                    size="sm"
                    className="-my-1 shrink-0"
                    aria-label={`Edit ${item.name}`}
                    title="Edit status and dates"
                    onClick={() => setEditing(item)}
                  >
                    <Pencil className="size-4" aria-hidden />
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {pager && <div className="border-t border-slate-100 px-5 py-2">{pager}</div>}
      <Dialog
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        title={editing ? `Edit ${editing.name}` : "Edit training"}
        description="Completed and expired ones need the day they were completed."
      >
        {editing && <TrainingForm training={editing} onDone={() => setEditing(null)} />}
      </Dialog>
    </Card>
  );
}

function TrainingForm({ training, onDone }: { training: Training; onDone: () => void }) {
  const defaults: TrainingFormInput = {
    status: training.status as TrainingStatus,
    completed_on: training.completed_on ?? "",
    expires_on: training.expires_on ?? "",
  };
  const form = useForm({ resolver: zodResolver(trainingFormSchema), defaultValues: defaults });
  const { errors } = form.formState;
  const { submit, formError, pending } = useActionForm(
    form,
    (values) => updateTraining({ ...values, trainingId: training.id }),
    onDone,
    "Training saved",
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field label="Status" error={errors.status?.message}>
        <Select {...form.register("status")} autoFocus>
          {TRAINING_STATUSES.map((value) => (
            <option key={value} value={value}>
              {TRAINING_STATUS_LABELS[value]}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Completed on" error={errors.completed_on?.message}>
          <Input type="date" {...form.register("completed_on")} />
        </Field>
        <Field
          label="Expires on"
          error={errors.expires_on?.message}
          hint={training.kind === "certification" ? undefined : "Courses usually do not expire."}
        >
          <Input type="date" {...form.register("expires_on")} />
        </Field>
      </div>
      <FormError message={formError} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" pending={pending}>
          Save training
        </Button>
      </div>
    </form>
  );
}
