"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { TagInput } from "@/components/ui/tag-input";
import { updatePartnerField } from "@/lib/partners/actions/update-partner-field";
import { tagArraySchema } from "@/lib/validation/tags";
import { usePermission, useWorkspace } from "./workspace-context";

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((tag, index) => tag === b[index]);

/**
 * The partner's tags in the hero. Editors change them as chips and save once (the
 * directory's inline-edit action, with its concurrency check and audit entry); viewers
 * read them.
 */
export function HeroTags({ tags, updatedAt }: { tags: string[]; updatedAt: string }) {
  const { partnerId } = useWorkspace();
  const permission = usePermission("edit");
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [draft, setDraft] = useState<{ tags: string[]; base: string }>({ tags, base: updatedAt });
  const [error, setError] = useState<string | null>(null);
  // A newer row from the server replaces the chips unless the person is in the middle of a change.
  const dirty = !sameTags(draft.tags, tags);
  if (draft.base !== updatedAt && !dirty) setDraft({ tags, base: updatedAt });

  function save() {
    const parsed = tagArraySchema().safeParse(draft.tags);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Check the tags");
      return;
    }
    setError(null);
    startTransition(async () => {
      const result = await updatePartnerField({
        partnerId,
        expectedUpdatedAt: updatedAt,
        changes: { tags: parsed.data },
      });
      if (!result.ok) {
        setError(result.fieldErrors?.["changes.tags"] ?? result.error);
        return;
      }
      if (result.data.outcome === "conflict") {
        setError("Someone else changed this partner a moment ago. Your tags are still here: save again to apply them.");
        setDraft({ tags: draft.tags, base: result.data.partner.updated_at });
        router.refresh();
        return;
      }
      setDraft({ tags: result.data.partner.tags, base: result.data.partner.updated_at });
      toast.success("Tags saved");
      router.refresh();
    });
  }

  if (!permission.allowed) {
    return (
      <div className="flex flex-wrap items-center gap-2" data-testid="hero-tags">
        <span className="text-xs font-medium text-slate-500">Tags</span>
        <TagInput value={tags} onChange={() => undefined} disabled aria-label="Tags" />
      </div>
    );
  }

  return (
    <div className="max-w-xl space-y-1.5" data-testid="hero-tags">
      <label htmlFor={id} className="block text-xs font-medium text-slate-500">
        Tags
      </label>
      <div className="flex flex-wrap items-start gap-2">
        <TagInput
          id={id}
          value={draft.tags}
          onChange={(next) => {
            setError(null);
            setDraft({ ...draft, tags: next });
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="min-w-0 flex-1 basis-64"
        />
        {dirty && (
          <div className="flex gap-2">
            <Button size="sm" onClick={save} pending={pending}>
              Save tags
            </Button>
            <Button
              size="sm"
              variant="secondary"
              disabled={pending}
              onClick={() => {
                setError(null);
                setDraft({ tags, base: updatedAt });
              }}
            >
              Discard
            </Button>
          </div>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
