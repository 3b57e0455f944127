import type { Metadata } from "next";
import { DocumentList } from "@/components/workspace/docs/document-list";
import { listPartnerDocuments } from "@/lib/documents/queries";
import { workspaceMetadata } from "@/lib/workspace/metadata";

export async function generateMetadata({ params }: { params: Promise<{ partnerId: string }> }): Promise<Metadata> {
  return workspaceMetadata(params, "Docs");
}

export default async function DocsPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const documents = await listPartnerDocuments(partnerId);
  return (
    <section aria-labelledby="docs-heading">
      <h2 id="docs-heading" className="sr-only">
        Documents
      </h2>
      <DocumentList documents={documents} />
    </section>
  );
}
