import { describe, expect, it } from "vitest";
import { describeAuditEntry, possessive, type AuditEntryFacts, type AuditLookup } from "@/lib/audit/describe";
import { orgFormatter } from "@/lib/format/org-format";

const MAYA = "11111111-1111-4111-8111-000000000001";
const ANA = "11111111-1111-4111-8111-000000000002";
const PAT = "11111111-1111-4111-8111-000000000003";
const NORTHWIND = "33333333-3333-4333-8333-000000000001";

const lookup: AuditLookup = {
  person: (id) => ({ [MAYA]: "Maya Manager", [ANA]: "Ana Admin", [PAT]: "Pat Partner" })[id] ?? null,
  partner: (id) => (id === NORTHWIND ? "Northwind Traders" : null),
};
const enUS = orgFormatter({ locale: "en-US", currency: "USD", time_zone: "America/New_York" });
const deDE = orgFormatter({ locale: "de-DE", currency: "EUR", time_zone: "Europe/Berlin" });

const partnerRow = { id: NORTHWIND, org_id: "o", name: "Northwind Traders", tier: "silver", status: "active" };
const update = (over: Partial<AuditEntryFacts>): AuditEntryFacts => ({
  action: "partner.updated",
  actor_id: MAYA,
  actor_type: "staff",
  resource_type: "partner",
  partner_id: NORTHWIND,
  before: partnerRow,
  after: partnerRow,
  metadata: {},
  ...over,
});

describe("audit entries as sentences", () => {
  it("names the actor, the record, the field and the options", () => {
    const entry = update({
      after: { ...partnerRow, tier: "gold", updated_at: "later" },
      metadata: { changed: ["tier"] },
    });
    const readable = describeAuditEntry(entry, lookup, enUS);
    expect(readable.sentence).toBe("Maya Manager changed Northwind Traders' tier from Silver to Gold");
    expect(readable.changes).toEqual([{ field: "tier", label: "Tier", before: "Silver", after: "Gold" }]);
  });

  it("shows people by name, and says when a field is set or cleared", () => {
    const set = update({ after: { ...partnerRow, owner_id: ANA }, metadata: { changed: ["owner_id"] } });
    expect(describeAuditEntry(set, lookup, enUS).sentence).toBe(
      "Maya Manager set Northwind Traders' owner to Ana Admin",
    );
    const cleared = update({
      before: { ...partnerRow, region: "EMEA" },
      after: { ...partnerRow, region: null },
      metadata: { changed: ["region"] },
    });
    expect(describeAuditEntry(cleared, lookup, enUS).sentence).toBe(
      "Maya Manager cleared Northwind Traders' region (was EMEA)",
    );
  });

  it("lists several changed fields by label, and compares each", () => {
    const entry = update({
      after: { ...partnerRow, tier: "gold", status: "paused", primary_contact_email: "pat@northwind.test" },
      metadata: { changed: ["primary_contact_email", "status", "tier"] },
    });
    const readable = describeAuditEntry(entry, lookup, enUS);
    expect(readable.sentence).toBe("Maya Manager changed Northwind Traders' contact email, status and tier");
    expect(readable.changes.map((change) => [change.label, change.before, change.after])).toEqual([
      ["Contact email", "—", "pat@northwind.test"],
      ["Status", "Active", "Paused"],
      ["Tier", "Silver", "Gold"],
    ]);
  });

  it("writes money and instants the org's way", () => {
    const commission = {
      id: "c",
      amount: 3750,
      currency: "EUR",
      status: "pending",
      earned_at: "2026-03-04T10:00:00+00:00",
    };
    const entry: AuditEntryFacts = {
      action: "commission.updated",
      actor_id: ANA,
      actor_type: "staff",
      resource_type: "commission",
      partner_id: NORTHWIND,
      before: commission,
      after: { ...commission, status: "approved", approved_at: "2026-03-05T09:30:00+00:00" },
      metadata: { changed: ["approved_at", "status"] },
    };
    const readable = describeAuditEntry(entry, lookup, deDE);
    expect(readable.sentence).toBe(
      "Ana Admin changed the status of the 3.750,00\u00a0€ commission from Pending to Approved",
    );
    expect(readable.changes[0]).toEqual({
      field: "approved_at",
      label: "Approved",
      before: "—",
      after: "05.03.2026, 10:30",
    });
  });

  it("says who got access to what, and who signed in", () => {
    const grant: AuditEntryFacts = {
      action: "partner.access.granted",
      actor_id: ANA,
      actor_type: "staff",
      resource_type: "partner_access",
      partner_id: NORTHWIND,
      before: null,
      after: { partner_user_id: PAT, partner_id: NORTHWIND, scope: ["referrals", "commissions"] },
      metadata: {},
    };
    const readable = describeAuditEntry(grant, lookup, enUS);
    expect(readable.sentence).toBe("Ana Admin gave Pat Partner portal access to Northwind Traders");
    expect(readable.changes).toContainEqual({
      field: "scope",
      label: "Sections",
      before: "—",
      after: "Referrals, Commissions",
    });
    expect(
      describeAuditEntry(
        { ...grant, action: "portal.sign_in", actor_id: PAT, actor_type: "partner_user", after: null },
        lookup,
        enUS,
      ).sentence,
    ).toBe("Pat Partner signed in to the partner portal");
  });

  it("names records that are gone from their own row, and the system as an actor", () => {
    const entry: AuditEntryFacts = {
      action: "referral.deleted",
      actor_id: null,
      actor_type: "system",
      resource_type: "referral",
      partner_id: "99999999-9999-4999-8999-999999999999",
      before: { client_name: "Acme Corp", status: "in_progress" },
      after: null,
      metadata: {},
    };
    const readable = describeAuditEntry(entry, lookup, enUS);
    expect(readable.sentence).toBe("The system deleted referral Acme Corp");
    expect(readable.changes).toContainEqual({ field: "status", label: "Status", before: "In progress", after: "—" });
  });

  it("writes possessives as English does", () => {
    expect(possessive("Northwind Traders")).toBe("Northwind Traders'");
    expect(possessive("Acme")).toBe("Acme's");
  });
});

describe("organization settings in the audit log", () => {
  it("reads a locale and time zone change as a sentence with both values", () => {
    const org = { id: "o", name: "Globex", slug: "globex", currency: "EUR", locale: "en-US", time_zone: "UTC" };
    const entry: AuditEntryFacts = {
      action: "organization.updated",
      actor_id: ANA,
      actor_type: "staff",
      resource_type: "organization",
      partner_id: null,
      before: org,
      after: { ...org, locale: "de-DE", time_zone: "Europe/Berlin" },
      metadata: { changed: ["locale", "time_zone"] },
    };
    const readable = describeAuditEntry(entry, lookup, deDE);
    expect(readable.sentence).toMatch(/^Ana Admin changed the locale and time zone/);
    expect(readable.changes).toEqual([
      { field: "locale", label: "Locale", before: "en-US", after: "de-DE" },
      { field: "time_zone", label: "Time zone", before: "UTC", after: "Europe/Berlin" },
    ]);
  });
});
