import { textsFor, type FormatTexts, type OrgFormat } from "@/lib/format/org-format";
import type { DirectoryRow, PartnerPreview } from "./directory-types";

/**
 * The directory's numbers and dates for the page the server renders, written once on the
 * server: the rows' dates, the counts and pages, and the preview's roll-ups.
 */
export function directoryTexts(
  org: OrgFormat,
  input: { rows: DirectoryRow[]; total: number; page: number; pageSize: number; preview: PartnerPreview | null },
): FormatTexts {
  return textsFor(org, (format) => {
    const partners = input.preview ? [...input.rows, input.preview.partner] : input.rows;
    for (const row of partners) {
      [row.created_at, row.updated_at, row.archived_at].forEach((instant) => format.date(instant));
      if (row.commission_rate !== null) format.rate(row.commission_rate);
    }
    const pages = Math.max(1, Math.ceil(input.total / input.pageSize));
    const from = input.total === 0 ? 0 : (input.page - 1) * input.pageSize + 1;
    const to = Math.min(input.total, input.page * input.pageSize);
    [input.total, input.page, pages, from, to].forEach((count) => format.number(count));
    const rollups = input.preview?.rollups;
    if (rollups) {
      [rollups.referralsOpen, rollups.openTasks].forEach((count) => format.number(count));
      [rollups.pipelineValue, rollups.wonValue, rollups.commissionOwed, rollups.commissionPaid].forEach((amount) =>
        format.money(amount),
      );
    }
    input.preview?.activity.forEach((item) => format.dateTime(item.occurred_at));
  });
}
