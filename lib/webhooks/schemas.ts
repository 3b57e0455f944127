import { z } from "zod";
import { NOTIFICATION_EVENT_TYPES } from "@/lib/notifications/event-types";

export const createWebhookEndpointSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, { error: "Enter the URL that receives the events." })
    .max(2000, { error: "The URL is longer than 2,000 characters." })
    .refine((value) => /^https?:\/\/[^\s/]+/i.test(value) && URL.canParse(value), {
      error: "Enter a full http:// or https:// URL, for example https://example.com/webhooks.",
    }),
  description: z.string().trim().max(500, { error: "Keep the description under 500 characters." }).default(""),
  eventTypes: z
    .array(z.enum(NOTIFICATION_EVENT_TYPES, { error: "Choose events from the list." }))
    .min(1, { error: "Choose at least one event to send." }),
  enabled: z.boolean().default(true),
});
export type CreateWebhookEndpointInput = z.input<typeof createWebhookEndpointSchema>;

export const endpointIdSchema = z.object({ endpointId: z.uuid({ error: "The endpoint is not valid." }) });
export const deliveryIdSchema = z.object({ deliveryId: z.uuid({ error: "The delivery is not valid." }) });
export const setEndpointEnabledSchema = endpointIdSchema.extend({ enabled: z.boolean() });
