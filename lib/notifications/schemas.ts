import { z } from "zod";
import { DELIVERIES } from "./deliveries";
import { NOTIFICATION_EVENT_TYPES } from "./event-types";
import { NOTIFICATION_ROLES } from "./roles";

const eventType = z.enum(NOTIFICATION_EVENT_TYPES, { error: "Choose one of the listed events." });

/** One row of a settings page: a delivery, or `default` to follow the organization's (or built-in) choice. */
export const setNotificationPreferenceSchema = z.object({
  eventType,
  delivery: z.enum([...DELIVERIES, "default"], { error: "Choose how you hear of this event." }),
});
export type SetNotificationPreferenceInput = z.input<typeof setNotificationPreferenceSchema>;

/** An admin's default for one role and event type; `default` falls back to the one for everyone. */
export const setOrgRoleDefaultSchema = setNotificationPreferenceSchema.extend({
  role: z.enum(NOTIFICATION_ROLES, { error: "Choose one of the listed roles." }),
});
export type SetOrgRoleDefaultInput = z.input<typeof setOrgRoleDefaultSchema>;

/** Mark some notifications read (ids), or all of them. */
export const markNotificationsReadSchema = z.union([
  z.object({
    ids: z
      .array(z.uuid({ error: "A notification id is not valid." }))
      .min(1, { error: "Name at least one notification." })
      .max(100, { error: "Mark at most 100 notifications at once." }),
  }),
  z.object({ all: z.literal(true) }),
]);
export type MarkNotificationsReadInput = z.input<typeof markNotificationsReadSchema>;

export const listNotificationsSchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** When the digest goes out: an hour of the day in the organization's time zone, or `default`. */
export const setDigestHourSchema = z.object({
  hour: z.union([
    z.literal("default"),
    z.coerce
      .number({ error: "Choose an hour from the list." })
      .int({ error: "Choose a whole hour." })
      .min(0, { error: "Choose an hour from 0 to 23." })
      .max(23, { error: "Choose an hour from 0 to 23." }),
  ]),
});
export type SetDigestHourInput = z.input<typeof setDigestHourSchema>;
