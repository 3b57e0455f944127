import type { Metadata } from "next";
import { OrgFormatProvider } from "@/components/format/org-format-provider";
import { DocumentList } from "@/components/workspace/docs/document-list";
import { PageNav, PastLastPage, isPastLastPage } from "@/components/ui/page-nav";
import { getStaffContext } from "@/lib/auth/staff-context";
import { listPartnerDocuments } from "@/lib/documents/queries";
import { DEFAULT_ORG_FORMAT, orgFormatter, textsFor } from "@/lib/format/org-format";
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
  const [staff, documents] = await Promise.all([
    getStaffContext(),
    listPartnerDocuments(partnerId, pageNumber((await searchParams).page)),
  ]);
  const texts = staff
    ? textsFor(staff.org, (format) => {
        format.number(documents.total);
        documents.rows.forEach((document) => format.date(document.created_at));
      })
    : undefined;
  const format = orgFormatter(staff?.org ?? DEFAULT_ORG_FORMAT);
  const path = `/admin/partners/${partnerId}/docs`;
  return (
    <section aria-labelledby="docs-heading">
      <h2 id="docs-heading" className="sr-only">
        Documents
      </h2>
      <OrgFormatProvider texts={texts}>
        <DocumentList
          documents={documents.rows}
          total={documents.total}
          pager={
            isPastLastPage(documents) ? (
              <PastLastPage list={documents} path={path} noun={NOUN} format={format} />
            ) : (
              <PageNav list={documents} path={path} noun={NOUN} label="Document pages" format={format} />
            )
          }
        />
      </OrgFormatProvider>
    </section>
  );
}
