import type { Metadata } from "next";
import { SectionUnavailable } from "@/components/portal/section-unavailable";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { DEFAULT_ORG_FORMAT, orgFormatter } from "@/lib/format/org-format";
import { getPortalAccount } from "@/lib/portal/account";
import { getPortalOrg, listSharedDocuments } from "@/lib/portal/queries";

export const metadata: Metadata = { title: "Documents · Partner portal" };

export default async function DocumentsPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const account = await getPortalAccount(partnerId);
  if (!account) return null;
  if (!account.scope.includes("documents")) return <SectionUnavailable section="Documents" />;
  const [documents, org] = await Promise.all([listSharedDocuments(partnerId), getPortalOrg()]);
  if (documents.length === 0)
    return (
      <EmptyState
        title="No shared documents yet"
        description="Documents your partner manager shares with you appear here."
      />
    );
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {documents.map((document) => (
        <li key={document.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0">
            <a
              href={document.url}
              target="_blank"
              rel="noreferrer"
              className="font-medium text-brand-700 hover:underline"
            >
              {document.title}
            </a>
            <p className="mt-0.5 text-xs text-slate-500">
              {document.document_type.replaceAll("_", " ")} · shared{" "}
              {orgFormatter(org ?? DEFAULT_ORG_FORMAT).date(document.created_at)}
            </p>
          </div>
          {document.tags.length > 0 && (
            <div className="flex flex-wrap gap-1">
              {document.tags.map((tag) => (
                <Badge key={tag}>{tag}</Badge>
              ))}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
