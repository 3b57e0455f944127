import { textsFor, type FormatTexts, type OrgFormat } from "@/lib/format/org-format";
import { dayKey, describeEvent } from "./describe";
import type { ActivityEvent } from "./queries";

/** What the timeline writes for the events the server renders, formatted once on the server. */
export function timelineTexts(events: ActivityEvent[], org: OrgFormat): FormatTexts {
  return textsFor(org, (format) => {
    for (const event of events) {
      describeEvent(event, { format, nameOf: () => null });
      format.time(event.occurred_at);
      format.longDay(dayKey(event.occurred_at, org.time_zone));
    }
  });
}
