"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { toast } from "sonner";
import { updatePartnerField } from "@/lib/partners/actions/update-partner-field";
import { COLUMN_LABELS, EDITABLE_COLUMNS, type EditableColumn } from "@/lib/partners/directory-columns";
import type { DirectoryRow, OwnerOption } from "@/lib/partners/directory-types";
import { partnerFieldsSchema, type PartnerFields } from "@/lib/partners/schemas";

type Edit = { row: DirectoryRow; column: EditableColumn; changes: Partial<PartnerFields>; owner?: OwnerOption | null };

/**
 * Inline edits: validated in the browser by the same schema the server action parses
 * with, shown at once (optimistic), then confirmed, rolled back with a message when the
 * server refuses, or replaced by the current row when someone else changed it first.
 */
export function usePartnerEdit(queryKey: QueryKey) {
  const queryClient = useQueryClient();

  const replaceRow = (id: string, update: (row: DirectoryRow) => DirectoryRow) =>
    queryClient.setQueryData<DirectoryRow[]>(queryKey, (rows) =>
      rows?.map((row) => (row.id === id ? update(row) : row)),
    );

  const mutation = useMutation({
    mutationFn: ({ row, changes }: Edit) =>
      updatePartnerField({ partnerId: row.id, expectedUpdatedAt: row.updated_at, changes }),
    onMutate: async ({ row, changes, owner }) => {
      await queryClient.cancelQueries({ queryKey });
      replaceRow(
        row.id,
        (current) =>
          ({
            ...current,
            ...changes,
            ...("owner_id" in changes
              ? { owner: owner ? { display_name: owner.name, email: owner.email } : null }
              : {}),
          }) as DirectoryRow,
      );
      return { previous: row };
    },
    onSuccess: (result, { row, column }, context) => {
      if (!result.ok) {
        replaceRow(row.id, () => context.previous);
        toast.error(`${COLUMN_LABELS[column]} of ${row.name} was not changed`, { description: result.error });
        return;
      }
      replaceRow(row.id, () => result.data.partner);
      if (result.data.outcome === "conflict") {
        toast.warning(`Someone else changed ${result.data.partner.name} since you loaded it`, {
          description:
            "Your edit was not saved. The grid now shows the current values; edit again if you still want to change it.",
        });
      }
    },
    onError: (_error, { row, column }, context) => {
      if (context) replaceRow(row.id, () => context.previous);
      toast.error(`${COLUMN_LABELS[column]} of ${row.name} was not changed`, {
        description: "The server could not be reached. Try again.",
      });
    },
  });

  /** Returns an error message when the value breaks the schema (the editor then stays open). */
  /** `owner` names the chosen owner, so the cell shows them before the server confirms. */
  return function commit(
    row: DirectoryRow,
    column: EditableColumn,
    value: string | string[],
    owner?: OwnerOption | null,
  ): string | null {
    const field = EDITABLE_COLUMNS[column];
    const parsed = partnerFieldsSchema
      .pick({ [field]: true } as Record<typeof field, true>)
      .safeParse({ [field]: field === "owner_id" ? value || null : value });
    if (!parsed.success) return parsed.error.issues[0]?.message ?? "Invalid value";
    mutation.mutate({ row, column, changes: parsed.data as Partial<PartnerFields>, owner });
    return null;
  };
}
