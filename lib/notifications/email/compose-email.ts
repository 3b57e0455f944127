import type { Mail } from "@/lib/email/send-mail";
import { orgFormatter, type OrgFormatter } from "@/lib/format/org-format";
import { describeNotification } from "../describe";
import { isNotificationEventType } from "../event-types";
import { notificationHref } from "../links";
import { renderEmail, type EventEmailTemplate } from "./event-email-template";
import { DigestEmail, EventEmail, type EmailLine } from "./templates";
import { unsubscribeToken, unsubscribeUrls } from "./unsubscribe-link";

/** What the runner knows of one email it claimed (public.jobs_claim_emails). */
export type ClaimedEmail = {
  id: string;
  kind: string;
  user_id: string;
  org_id: string;
  to_email: string | null;
  audience: string;
  org_name: string;
  org_currency: string;
  /** The org's locale and time zone, when the claim carries them; emails fall back to en-US in UTC. */
  org_locale?: string | null;
  org_time_zone?: string | null;
  notification: NotificationJson | null;
  digest: { period_key: string; items: NotificationJson[] } | null;
};

type NotificationJson = {
  event_type: string;
  partner_id: string | null;
  source_table: string | null;
  payload: unknown;
  event_count: number;
  partner_name: string | null;
};

function lineOf(
  item: NotificationJson,
  audience: "staff" | "partner",
  origin: string,
  format: OrgFormatter,
): EmailLine {
  const { title, detail } = describeNotification(item, { partnerName: item.partner_name, format });
  const href = isNotificationEventType(item.event_type)
    ? notificationHref({
        audience,
        eventType: item.event_type,
        partnerId: item.partner_id,
        sourceTable: item.source_table,
        eventCount: item.event_count,
      })
    : "/";
  return { title, detail, href: `${origin}${href}` };
}

/**
 * The email for a claimed row, or null when there is nothing to send (no address, an empty
 * digest). Every email carries its unsubscribe link in the footer and in the
 * List-Unsubscribe headers (RFC 8058 one-click), and a Message-ID made from the row's id,
 * so a re-send after a crash is recognisably the same message.
 */
export async function composeEmail(
  claimed: ClaimedEmail,
  origin: string,
  /** The event email compiled once for a run; without it, each is rendered on its own. */
  eventTemplate?: EventEmailTemplate,
): Promise<Mail | null> {
  if (!claimed.to_email) return null;
  const audience = claimed.audience === "partner" ? "partner" : "staff";
  const preferencesUrl = `${origin}${audience === "partner" ? "/portal/settings/notifications" : "/admin/account/notifications"}`;
  const eventType = claimed.kind === "digest" ? "*" : (claimed.notification?.event_type ?? "*");
  const urls = unsubscribeUrls(origin, unsubscribeToken({ u: claimed.user_id, o: claimed.org_id, t: eventType }));
  const headers = {
    "List-Unsubscribe": `<${urls.oneClick}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
  const messageId = `<${claimed.id}@partnerdesk>`;
  const format = orgFormatter({
    locale: claimed.org_locale ?? "en-US",
    currency: claimed.org_currency,
    time_zone: claimed.org_time_zone ?? "UTC",
  });

  if (claimed.kind === "event" && claimed.notification) {
    const line = lineOf(claimed.notification, audience, origin, format);
    const props = { orgName: claimed.org_name, line, unsubscribeUrl: urls.page, preferencesUrl };
    return {
      to: claimed.to_email,
      subject: line.detail ? `${line.title}: ${line.detail}` : line.title,
      ...(eventTemplate ? eventTemplate.fill(props) : await renderEmail(EventEmail(props))),
      headers,
      messageId,
    };
  }
  const items = claimed.digest?.items ?? [];
  if (items.length === 0) return null;
  const heading = audience === "partner" ? `Your week with ${claimed.org_name}` : `Your day in ${claimed.org_name}`;
  const lines = items.map((item) => lineOf(item, audience, origin, format));
  const element = DigestEmail({ orgName: claimed.org_name, heading, lines, unsubscribeUrl: urls.page, preferencesUrl });
  return {
    to: claimed.to_email,
    subject: `${heading}: ${lines.length} update${lines.length === 1 ? "" : "s"}`,
    ...(await renderEmail(element)),
    headers,
    messageId,
  };
}
