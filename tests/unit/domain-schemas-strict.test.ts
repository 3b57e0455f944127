import { describe, expect, it } from "vitest";
import { signInSchema } from "@/lib/auth/schemas";
import { bulkUpdatePartnersSchema, MAX_BULK_IDS } from "@/lib/partners/bulk-schemas";
import { commissionFormSchemaFor, createCommissionSchemaFor } from "@/lib/commissions/schemas";
import { documentFormSchema } from "@/lib/documents/schemas";
import { noteFormSchema } from "@/lib/notes/schemas";
import { accessWindowSchema, invitePartnerUserSchema } from "@/lib/partner-users/schemas";
import { partnerFieldsSchema, partnerFieldsSchemaFor, partnerPatchSchemaFor } from "@/lib/partners/schemas";
import { referralFormSchemaFor } from "@/lib/referrals/schemas";
import { taskFormSchema } from "@/lib/tasks/schemas";
import { trainingFormSchema } from "@/lib/training/schemas";
import { numberSignsOf } from "@/lib/validation/number-signs";

const LOCALES = { "de-DE": numberSignsOf("de-DE"), "en-US": numberSignsOf("en-US") };
const ZERO_WIDTH = "\u200b\u200b\u200d";
const RLO = "\u202e";
const HUGE_URL = `https://example.com/${"a".repeat(900 * 1024)}`;
const PARTNER_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
}

describe.each(Object.entries(LOCALES))("partner fields in %s", (locale, signs) => {
  const rate = partnerFieldsSchemaFor(signs).pick({ commission_rate: true });
  const example = locale === "de-DE" ? "12,5" : "12.5";

  it.each([
    ["", null],
    [example, 12.5],
    ["0", 0],
    ["100", 100],
  ])("stores the rate %j as %j", (value, stored) => {
    expect(rate.parse({ commission_rate: value })).toEqual({ commission_rate: stored });
  });

  it.each([true, [50], "0x10", 99.999, "abc"])("refuses the rate %j at its field", (value) => {
    expect(Object.keys(errorsOf(rate.safeParse({ commission_rate: value })))).toEqual(["commission_rate"]);
  });

  it("refuses 99.999 as a field error, not as 100", () => {
    const typed = locale === "de-DE" ? "99,999" : "99.999";
    expect(errorsOf(rate.safeParse({ commission_rate: typed }))).toEqual({
      commission_rate: "Use at most 2 decimals",
    });
  });

  it("applies to the inline-edit action's patch", () => {
    const patch = partnerPatchSchemaFor(signs);
    const base = { partnerId: PARTNER_ID, expectedUpdatedAt: "2026-01-01T00:00:00Z" };
    expect(patch.parse({ ...base, changes: { commission_rate: example } }).changes.commission_rate).toBe(12.5);
    expect(patch.parse({ ...base, changes: { commission_rate: 12.5 } }).changes.commission_rate).toBe(12.5);
    expect(errorsOf(patch.safeParse({ ...base, changes: { commission_rate: true } }))).toHaveProperty(
      "changes.commission_rate",
    );
  });
});

describe("partner text fields", () => {
  const fields = partnerFieldsSchema.partial();

  it("refuses names of zero-width characters and strips overrides", () => {
    expect(errorsOf(fields.safeParse({ name: ZERO_WIDTH }))).toEqual({ name: "Name is required" });
    expect(fields.parse({ name: `Acme${RLO} Corp` }).name).toBe("Acme Corp");
    expect(fields.parse({ primary_contact_name: `${RLO}Maya` }).primary_contact_name).toBe("Maya");
    expect(errorsOf(fields.safeParse({ name: "n".repeat(201) }))).toEqual({ name: "Use at most 200 characters" });
    expect(errorsOf(fields.safeParse({ region: "r".repeat(101) }))).toEqual({ region: "Use at most 100 characters" });
  });

  it("refuses a 900 KB website", () => {
    expect(errorsOf(fields.safeParse({ website: HUGE_URL }))).toEqual({
      website: "Use a link of at most 2,048 characters",
    });
  });
});

describe.each(Object.entries(LOCALES))("referrals and commissions in %s", (locale, signs) => {
  const referral = {
    client_name: "Aurora Health",
    client_email: "",
    status: "submitted",
    estimated_value: locale === "de-DE" ? "25.000" : "25,000",
    actual_value: "",
    referred_at: "2026-02-01",
    closed_at: "",
  };
  const commission = {
    amount: locale === "de-DE" ? "1.500,50" : "1,500.50",
    description: "",
    earned_at: "2026-02-01",
    due_at: "",
    referral_id: "",
  };

  it("reads grouped values in the org's signs", () => {
    expect(referralFormSchemaFor(signs).parse(referral).estimated_value).toBe(25000);
    expect(commissionFormSchemaFor(signs).parse(commission).amount).toBe(1500.5);
    expect(createCommissionSchemaFor(signs).parse({ ...commission, partnerId: PARTNER_ID }).amount).toBe(1500.5);
  });

  it("says 2026-02-31 does not exist", () => {
    expect(errorsOf(referralFormSchemaFor(signs).safeParse({ ...referral, referred_at: "2026-02-31" }))).toEqual({
      referred_at: "That date does not exist: February 2026 has 28 days",
    });
    expect(errorsOf(commissionFormSchemaFor(signs).safeParse({ ...commission, due_at: "2026-02-31" }))).toEqual({
      due_at: "That date does not exist: February 2026 has 28 days",
    });
  });

  it("refuses booleans, arrays, hex and blank amounts", () => {
    const schema = commissionFormSchemaFor(signs);
    for (const amount of [true, [50], "0x10", ""]) {
      expect(Object.keys(errorsOf(schema.safeParse({ ...commission, amount })))).toEqual(["amount"]);
    }
    expect(errorsOf(referralFormSchemaFor(signs).safeParse({ ...referral, client_name: ZERO_WIDTH }))).toEqual({
      client_name: "Client name is required",
    });
  });
});

describe("tasks, documents, notes, training, partner users, sign-in", () => {
  const task = { title: "Call", description: "", status: "todo", priority: "medium", due_date: "", assignee_id: "" };
  const document = {
    title: "Deck",
    url: "https://notion.so/deck",
    document_type: "proposal",
    tags: "",
    visibility: "internal",
  };

  it("refuses invisible titles, bodies and names", () => {
    expect(errorsOf(taskFormSchema.safeParse({ ...task, title: ZERO_WIDTH }))).toEqual({ title: "Title is required" });
    expect(errorsOf(documentFormSchema.safeParse({ ...document, title: ZERO_WIDTH }))).toEqual({
      title: "Title is required",
    });
    expect(errorsOf(noteFormSchema.safeParse({ body: ZERO_WIDTH }))).toEqual({ body: "Write the note first" });
    expect(
      errorsOf(invitePartnerUserSchema.safeParse({ email: "p@example.com", name: ZERO_WIDTH, grants: [] })),
    ).toMatchObject({ name: "Enter their name" });
  });

  it("says the limits", () => {
    expect(errorsOf(taskFormSchema.safeParse({ ...task, description: "d".repeat(10001) }))).toEqual({
      description: "Use at most 10,000 characters",
    });
    expect(errorsOf(noteFormSchema.safeParse({ body: "b".repeat(10001) }))).toEqual({
      body: "Use at most 10,000 characters",
    });
  });

  it("refuses a 900 KB document URL", () => {
    expect(errorsOf(documentFormSchema.safeParse({ ...document, url: HUGE_URL }))).toEqual({
      url: "Use a link of at most 2,048 characters",
    });
  });

  it("says which dates do not exist", () => {
    expect(errorsOf(taskFormSchema.safeParse({ ...task, due_date: "2026-02-31" }))).toEqual({
      due_date: "That date does not exist: February 2026 has 28 days",
    });
    expect(
      errorsOf(trainingFormSchema.safeParse({ status: "completed", completed_on: "2026-02-30", expires_on: "" })),
    ).toMatchObject({ completed_on: "That date does not exist: February 2026 has 28 days" });
    expect(errorsOf(accessWindowSchema.safeParse({ scope: [], startsOn: "2026-02-31", endsOn: "" }))).toEqual({
      startsOn: "That date does not exist: February 2026 has 28 days",
    });
  });

  it("refuses an over-long sign-in email with the limit", () => {
    expect(errorsOf(signInSchema.safeParse({ email: `${"a".repeat(250)}@x.io`, password: "secret" }))).toEqual({
      email: "Use an email address of at most 254 characters",
    });
  });
});

describe("bulk changes", () => {
  it("says the limit of hand-picked partners", () => {
    const ids = Array.from({ length: MAX_BULK_IDS + 1 }, () => PARTNER_ID);
    const result = bulkUpdatePartnersSchema.safeParse({
      target: { kind: "ids", ids },
      change: { kind: "archive" },
    });
    expect(errorsOf(result)).toEqual({
      "target.ids": "Select at most 500 partners, or select all that match the filter",
    });
  });
});

describe("a bad field never silences the form's cross-field rules", () => {
  it("shows a bad value and a close date before the referral date together", () => {
    const signs = LOCALES["de-DE"];
    const result = referralFormSchemaFor(signs).safeParse({
      client_name: "Aurora",
      client_email: "x".repeat(250) + "@x.io",
      status: "won",
      estimated_value: "-10",
      actual_value: "0x10",
      referred_at: "2026-03-10",
      closed_at: "2026-03-01",
    });
    expect(errorsOf(result)).toEqual({
      client_email: "Use an email address of at most 254 characters",
      estimated_value: "Use a value of 0 or more",
      actual_value: "Enter an amount as a number, like 1200,5",
      closed_at: "The close date cannot be before the referral date",
    });
  });

  it("shows a bad amount and a due date before the earned date together", () => {
    const result = commissionFormSchemaFor(LOCALES["en-US"]).safeParse({
      amount: "0x10",
      description: "",
      earned_at: "2026-03-10",
      due_at: "2026-03-01",
      referral_id: "",
    });
    expect(Object.keys(errorsOf(result)).sort()).toEqual(["amount", "due_at"]);
  });
});
