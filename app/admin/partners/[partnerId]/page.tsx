import { redirect } from "next/navigation";

export default async function PartnerWorkspaceIndex({ params }: { params: Promise<{ partnerId: string }> }) {
  redirect(`/admin/partners/${(await params).partnerId}/overview`);
}
