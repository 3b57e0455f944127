import type { Metadata } from "next";
import { OrgFormatProvider } from "@/components/format/org-format-provider";
import { DocumentList } from "@/components/workspace/docs/document-list";
import { getStaffContext } from "@/lib/auth/staff-context";
import { listPartnerDocuments } from "@/lib/documents/queries";
import { textsFor } from "@/lib/format/org-format";
import { workspaceMetadata } from "@/lib/workspace/metadata";

export async function generateMetadata({ params }: { params: Promise<{ partnerId: string }> }): Promise<Metadata> {
  return workspaceMetadata(params, "Docs");
}

export default async function DocsPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const [staff, documents] = await Promise.all([getStaffContext(), listPartnerDocuments(partnerId)]);
  const texts = staff
    ? textsFor(staff.org, (format) => documents.forEach((document) => format.date(document.created_at)))
    : undefined;
  return (
    <section aria-labelledby="docs-heading">
      <h2 id="docs-heading" className="sr-only">
        Documents
      </h2>
      <OrgFormatProvider texts={texts}>
        <DocumentList documents={documents} />
      </OrgFormatProvider>
    </section>
  );
}
