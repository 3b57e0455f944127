/** Kinds of entries in the partner resource library (partner_resources.kind). */
export const RESOURCE_KINDS = ["guide", "deck", "video", "template", "datasheet", "link"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
