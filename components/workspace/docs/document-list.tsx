"use client";

import { useState, type ReactNode } from "react";
import { ExternalLink, Lock, Plus, Users } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { Database } from "@/lib/database.types";
import { deleteDocument } from "@/lib/documents/actions/delete-document";
import { DOCUMENT_TYPE_LABELS, type DocumentType } from "@/lib/documents/constants";
import { useOrgFormat } from "@/components/format/org-format-provider";
import { ConfirmDialog } from "../confirm-dialog";
import { GuardedButton } from "../guarded-button";
import { staffName, useWorkspace } from "../workspace-context";
import { DocumentFormDialog } from "./document-form-dialog";
import { RowActions, settleDelete } from "../row-actions";

export type DocumentRow = Database["public"]["Tables"]["partner_documents"]["Row"];

/** One page of the partner's documents; `total` counts all of them and `pager` moves between pages. */
export function DocumentList({
  documents,
  total,
  pager,
}: {
  documents: DocumentRow[];
  total: number;
  pager?: ReactNode;
}) {
  const { staff } = useWorkspace();
  const format = useOrgFormat();
  const [editing, setEditing] = useState<DocumentRow | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [deleting, setDeleting] = useState<DocumentRow | null>(null);
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm text-slate-500">
          {format.number(total)} {total === 1 ? "document" : "documents"} · shared ones appear in the partner&apos;s
          portal
        </p>
        <GuardedButton
          onClick={() => {
            setEditing(null);
            setFormOpen(true);
          }}
        >
          <Plus className="size-4" aria-hidden /> Add link
        </GuardedButton>
      </div>
      {documents.length === 0 && total > 0 ? null : documents.length === 0 ? (
        <EmptyState
          title="No documents yet"
          description="Add a link to a contract, playbook or deck. Share it to show it in the partner's portal."
        />
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100" aria-label="Documents">
            {documents.map((document) => (
              <li key={document.id} data-testid="document-row" className="flex items-start gap-3 px-4 py-3">
                <div className="min-w-0 flex-1">
                  <a
                    href={document.url}
                    target="_blank"
                    rel="noreferrer"
                    className="inline-flex items-center gap-1.5 text-sm font-medium text-slate-900 hover:text-brand-700 hover:underline"
                  >
                    {document.title}
                    <ExternalLink className="size-3.5 text-slate-400" aria-hidden />
                  </a>
                  <p className="truncate text-xs text-slate-500">{document.url}</p>
                  <div className="mt-1.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                    <Badge tone="blue">
                      {DOCUMENT_TYPE_LABELS[document.document_type as DocumentType] ?? document.document_type}
                    </Badge>
                    {document.visibility === "shared" ? (
                      <Badge tone="green">
                        <Users className="mr-1 size-3" aria-hidden /> Shared
                      </Badge>
                    ) : (
                      <Badge>
                        <Lock className="mr-1 size-3" aria-hidden /> Internal
                      </Badge>
                    )}
                    {document.tags.map((tag) => (
                      <span key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-600">
                        #{tag}
                      </span>
                    ))}
                    <span>
                      {staffName(staff, document.owner_id) ?? "No owner"} · {format.date(document.created_at)}
                    </span>
                  </div>
                </div>
                <div className="flex shrink-0 gap-1">
                  <RowActions
                    label={document.title}
                    onEdit={() => {
                      setEditing(document);
                      setFormOpen(true);
                    }}
                    onDelete={() => setDeleting(document)}
                  />
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {pager}
      <DocumentFormDialog document={editing} open={formOpen} onOpenChange={setFormOpen} />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title="Delete this document link?"
        confirmLabel="Delete link"
        onConfirm={async () => {
          if (!deleting) return true;
          return settleDelete(deleteDocument({ documentId: deleting.id }), "Document deleted");
        }}
      >
        “{deleting?.title}” will be removed from this workspace (and from the portal if shared). The document itself is
        not touched.
      </ConfirmDialog>
    </div>
  );
}
