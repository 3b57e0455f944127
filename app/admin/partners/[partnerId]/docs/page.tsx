import type { Metadata } from "next";
import { DocumentList } from "@/components/workspace/docs/document-list";
import { PageNav, PastLastPage, isPastLastPage } from "@/components/ui/page-nav";
import { listPartnerDocuments } from "@/lib/documents/queries";
import { pageNumber } from "@/lib/paging/page";
import { workspaceMetadata } from "@/lib/workspace/metadata";

export async function generateMetadata({ params }: { params: Promise<{ partnerId: string }> }): Promise<Metadata> {
  return workspaceMetadata(params, "Docs");
}

const NOUN = { one: "document", other: "documents" };

export default async function DocsPage({
  params,
  searchParams,
}: {
  params: Promise<{ partnerId: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { partnerId } = await params;
  const documents = await listPartnerDocuments(partnerId, pageNumber((await searchParams).page));
  const path = `/admin/partners/${partnerId}/docs`;
  return (
    <section aria-labelledby="docs-heading">
      <h2 id="docs-heading" className="sr-only">
        Documents
      </h2>
      <DocumentList
        documents={documents.rows}
        total={documents.total}
        pager={
          isPastLastPage(documents) ? (
            <PastLastPage list={documents} path={path} noun={NOUN} />
          ) : (
            <PageNav list={documents} path={path} noun={NOUN} label="Document pages" />
          )
        }
      />
    </section>
  );
}
