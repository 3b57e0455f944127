import { partnerRoute } from "@/lib/actions/safe-route";
import { toCsv } from "@/lib/csv/write";
import { queryParamsSchema } from "@/lib/http/query-schema";
import { problem } from "@/lib/http/route-response";
import { getCommissionStatement, getPortalPartner, listAllPortalCommissions } from "@/lib/portal/queries";

const STATEMENT_COLUMNS = [
  "section",
  "period",
  "description",
  "status",
  "amount",
  "earned",
  "approved",
  "paid",
  "owed",
  "currency",
  "earned_at",
  "due_at",
  "paid_at",
] as const;

/**
 * The partner's own commission statement as CSV. Reads as the signed-in user: RLS returns
 * nothing for a partner they hold no grant on (or no commissions scope), and we answer 404.
 */
export const GET = partnerRoute({ schema: queryParamsSchema }, async (_query, { partner: context, params }) => {
  const partnerId = typeof params.partnerId === "string" ? params.partnerId : "";
  const account = context.accounts.find((candidate) => candidate.partnerId === partnerId);
  if (!account || !account.scope.includes("commissions")) return problem(404, "Not found");
  const [partner, statement, commissions] = await Promise.all([
    getPortalPartner(partnerId),
    getCommissionStatement(partnerId),
    listAllPortalCommissions(partnerId),
  ]);
  if (!partner) return problem(404, "Not found");
  const currency = statement[0]?.currency ?? commissions[0]?.currency ?? "";
  const rows = [
    ...statement.map((row) => ({
      section: row.is_total ? "total" : "month",
      period: row.is_total ? "" : row.period.slice(0, 7),
      description: row.is_total ? "All periods" : `${row.commissions} commission(s)`,
      status: "",
      amount: "",
      earned: row.earned,
      approved: row.approved,
      paid: row.paid,
      owed: row.owed,
      currency,
      earned_at: "",
      due_at: "",
      paid_at: "",
    })),
    ...commissions.map((commission) => ({
      section: "commission",
      period: commission.earned_at.slice(0, 7),
      description: commission.description ?? "",
      status: commission.status,
      amount: commission.amount,
      earned: "",
      approved: "",
      paid: "",
      owed: "",
      currency: commission.currency,
      earned_at: commission.earned_at,
      due_at: commission.due_at ?? "",
      paid_at: commission.paid_at ?? "",
    })),
  ];
  const csv = toCsv(STATEMENT_COLUMNS, rows);
  const slug = partner.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${slug || "partner"}-commission-statement.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
