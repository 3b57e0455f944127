/** How a person hears of an event type (notification_preferences.delivery). */
export const DELIVERIES = ["in_app", "email", "digest", "digest_only", "off"] as const;
export type Delivery = (typeof DELIVERIES)[number];

export const DELIVERY_LABELS: Record<Delivery, string> = {
  in_app: "In the app",
  email: "In the app and by email",
  digest: "In the app and in the digest",
  digest_only: "Only in the digest",
  off: "Off",
};

export function isDelivery(value: unknown): value is Delivery {
  return typeof value === "string" && (DELIVERIES as readonly string[]).includes(value);
}
