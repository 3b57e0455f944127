import { textsFor, type FormatTexts, type OrgFormat } from "@/lib/format/org-format";
import type { PartnerPreview } from "./directory-types";

/**
 * The directory's numbers and dates for the page the server renders, written once on the
 * server: the counts and pages, and the preview's facts and roll-ups. The grid's dates and
 * rates are not among them: the server renders no grid row (the virtualiser has no viewport
 * there) and the phone cards show neither, so the client writes those itself, as it does for
 * every page it fetches; sending them made each row travel a third time.
 */
export function directoryTexts(
  org: OrgFormat,
  input: { total: number; page: number; pageSize: number; preview: PartnerPreview | null },
): FormatTexts {
  return textsFor(org, (format) => {
    const partner = input.preview?.partner;
    if (partner) {
      [partner.created_at, partner.updated_at, partner.archived_at].forEach((instant) => format.date(instant));
      if (partner.commission_rate !== null) format.rate(partner.commission_rate);
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
