import { describe, expect, it } from "vitest";
import { ACTIVITY_EVENT_TYPES } from "@/lib/activity/constants";
import { describeForPartner } from "@/lib/activity/describe-for-partner";
import { orgFormatter } from "@/lib/format/org-format";

const enIE = orgFormatter({ locale: "en-IE", currency: "EUR", time_zone: "Europe/Dublin" });
const deDE = orgFormatter({ locale: "de-DE", currency: "EUR", time_zone: "Europe/Berlin" });
const enUS = orgFormatter({ locale: "en-US", currency: "USD", time_zone: "America/New_York" });
const REFERRAL_ID = "47829a1c-0000-4000-8000-000000000001";

describe("portal activity in partner words", () => {
  it("says where a referral went, in status labels", () => {
    expect(
      describeForPartner(
        {
          event_type: "referral.status_changed",
          payload: { client_name: "Acme Corp", from: "qualified", to: "in_progress" },
        },
        enIE,
      ),
    ).toBe("Referral Acme Corp moved to In progress");
  });

  it("writes money in the org's locale and currency, never the referral id", () => {
    const approved = {
      event_type: "commission.approved",
      payload: { amount: 3750, currency: "EUR", referral_id: REFERRAL_ID, from: "pending", to: "approved" },
    };
    expect(describeForPartner(approved, enIE)).toBe("Commission of €3,750.00 approved");
    expect(describeForPartner(approved, deDE)).toBe("Commission of 3.750,00\u00a0€ approved");
    expect(describeForPartner({ event_type: "commission.created", payload: { amount: "120.5" } }, enUS)).toBe(
      "Commission of $120.50 recorded",
    );
    expect(
      describeForPartner(
        { event_type: "referral.won", payload: { client_name: "Acme Corp", actual_value: 12000, currency: "EUR" } },
        deDE,
      ),
    ).toBe("Referral Acme Corp was won, worth 12.000,00\u00a0€");
  });

  it("tells the partner about their own account in their words", () => {
    expect(
      describeForPartner({ event_type: "partner.tier_changed", payload: { from: "silver", to: "gold" } }, enUS),
    ).toBe("Your tier went up from Silver to Gold");
    expect(
      describeForPartner({ event_type: "partner.status_changed", payload: { from: "onboarding", to: "active" } }, enUS),
    ).toBe("Your partnership moved from Onboarding to Active");
    expect(
      describeForPartner(
        {
          event_type: "document.added",
          payload: { title: "Price list", document_type: "other", visibility: "shared" },
        },
        enUS,
      ),
    ).toBe("Document Price list was shared with you");
  });

  it("lets no key, id or snake_case value through for any event type, whatever the payload", () => {
    const payload = {
      client_name: "Acme Corp",
      from: "in_progress",
      to: "some_new_state",
      amount: 10,
      currency: "EUR",
      referral_id: REFERRAL_ID,
      status: "pending",
      title: "Deck",
      name: "Northwind",
      estimated_value: 5,
      actual_value: 7,
      assignee_id: REFERRAL_ID,
    };
    for (const eventType of [...ACTIVITY_EVENT_TYPES, "something.new"]) {
      const line = describeForPartner({ event_type: eventType, payload }, enUS);
      expect(line, eventType).not.toMatch(/[a-z]+_[a-z]+/);
      expect(line, eventType).not.toContain(REFERRAL_ID);
      expect(line, eventType).not.toMatch(/\b(from|to|amount|referral id):/);
    }
  });
});
