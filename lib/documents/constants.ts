/** Document vocabulary, the same values as partner_documents' checks. */
export const DOCUMENT_TYPES = [
  "contract",
  "agreement",
  "proposal",
  "playbook",
  "marketing",
  "technical",
  "report",
  "other",
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  contract: "Contract",
  agreement: "Agreement",
  proposal: "Proposal",
  playbook: "Playbook",
  marketing: "Marketing",
  technical: "Technical",
  report: "Report",
  other: "Other",
};

export const DOCUMENT_VISIBILITIES = ["internal", "shared"] as const;
export type DocumentVisibility = (typeof DOCUMENT_VISIBILITIES)[number];
