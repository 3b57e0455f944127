import type { Metadata } from "next";
import { SectionUnavailable } from "@/components/portal/section-unavailable";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageNav, PastLastPage, isPastLastPage } from "@/components/ui/page-nav";
import { DEFAULT_ORG_FORMAT, orgFormatter } from "@/lib/format/org-format";
import { pageNumber } from "@/lib/paging/page";
import { getPortalAccount } from "@/lib/portal/account";
import { accountHref } from "@/lib/portal/constants";
import { getPortalOrg, listSharedDocuments } from "@/lib/portal/queries";

const NOUN = { one: "document", other: "documents" };

export const metadata: Metadata = { title: "Documents · Partner portal" };

export default async function DocumentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ partnerId: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { partnerId } = await params;
  const page = pageNumber((await searchParams).page);
  const account = await getPortalAccount(partnerId);
  if (!account) return null;
  if (!account.scope.includes("documents")) return <SectionUnavailable section="Documents" />;
  const [documents, org] = await Promise.all([listSharedDocuments(partnerId, page), getPortalOrg()]);
  const base = accountHref(partnerId, "documents");
  const format = orgFormatter(org ?? DEFAULT_ORG_FORMAT);
  if (isPastLastPage(documents)) return <PastLastPage list={documents} path={base} noun={NOUN} format={format} />;
  if (documents.rows.length === 0)
    return (
      <EmptyState
        title="No shared documents yet"
        description="Documents your partner manager shares with you appear here."
      />
    );
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {documents.rows.map((document) => (
          <li
            key={document.id}
            className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between"
          >
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
                {document.document_type.replaceAll("_", " ")} · shared {format.date(document.created_at)}
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
      <PageNav list={documents} path={base} noun={NOUN} label="Document pages" format={format} />
    </div>
  );
}
