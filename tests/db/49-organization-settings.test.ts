import { beforeAll, describe, expect, it } from "vitest";
import { translateDbError } from "@/lib/db/errors";
import { insertRow, readRow, readRows } from "./support/rows";
import { createPartner, createWorld, type PersonaName, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("org-settings");
});

const settingsOf = async (orgId: string) => {
  const row = (await readRow("organizations", { id: orgId }))!;
  return { name: row.name, locale: row.locale, currency: row.currency, time_zone: row.time_zone };
};

describe("organization settings (name, locale, currency, time zone)", () => {
  const refused: PersonaName[] = ["manager", "member", "viewer", "stranger", "partner", "anon"];
  for (const persona of refused) {
    it(`${persona} cannot change the org's locale or time zone`, async () => {
      const before = await settingsOf(world.org.id);
      const result = await world.people[persona].client
        .from("organizations")
        .update({ locale: "ja-JP", time_zone: "Asia/Tokyo" }, { count: "exact" })
        .eq("id", world.org.id);
      // RLS hides the row from the update (zero rows), or the grant refuses it outright.
      if (result.error) expect(result.error.code).toBe("42501");
      else expect(result.count).toBe(0);
      expect(await settingsOf(world.org.id)).toEqual(before);
    });
  }

  it("an admin changes all four, and the audit log keeps the before and after", async () => {
    const before = await settingsOf(world.org.id);
    const after = { name: `Berlin ${world.org.slug}`, locale: "de-DE", currency: "EUR", time_zone: "Europe/Berlin" };
    const result = await world.people.admin.client
      .from("organizations")
      .update(after, { count: "exact" })
      .eq("id", world.org.id);
    expect(result.error).toBeNull();
    expect(result.count).toBe(1);
    expect(await settingsOf(world.org.id)).toEqual(after);

    const entries = await readRows("audit_log", { resource_id: world.org.id, action: "organization.updated" });
    const entry = entries.find((row) => (row.after as Record<string, unknown>)?.locale === "de-DE");
    expect(entry).toBeDefined();
    expect(entry!.actor_id).toBe(world.people.admin.id);
    expect(entry!.resource_type).toBe("organization");
    expect((entry!.before as Record<string, unknown>).locale).toBe(before.locale);
    expect((entry!.after as Record<string, unknown>).time_zone).toBe("Europe/Berlin");
  });

  it("a malformed locale is refused by its named constraint, which the app reads as a field message", async () => {
    const before = await settingsOf(world.org.id);
    const result = await world.people.admin.client
      .from("organizations")
      .update({ locale: "german" })
      .eq("id", world.org.id);
    expect(result.error?.code).toBe("23514");
    const refusal = translateDbError(result.error!);
    expect(refusal.constraint).toBe("organizations_locale_format");
    expect(refusal.field).toBe("locale");
    expect(await settingsOf(world.org.id)).toEqual(before);
  });

  it("an unknown time zone is refused at the time zone field", async () => {
    const result = await world.people.admin.client
      .from("organizations")
      .update({ time_zone: "Europe/Atlantis" })
      .eq("id", world.org.id);
    const refusal = translateDbError(result.error!);
    expect(refusal.field).toBe("time_zone");
    expect(refusal.message).toContain("Europe/Atlantis");
  });

  it("the currency stays while the org has commissions, and the refusal is about the currency field", async () => {
    const partner = await createPartner(world.org.id);
    const { currency } = await settingsOf(world.org.id);
    await insertRow("partner_commissions", {
      org_id: world.org.id,
      partner_id: partner.id,
      amount: 100,
      currency,
      status: "pending",
    });
    const before = await settingsOf(world.org.id);
    const admin = world.people.admin.client;
    const result = await admin.from("organizations").update({ currency: "JPY" }).eq("id", world.org.id);
    expect(result.error?.code).toBe("23514");
    expect(translateDbError(result.error!).field).toBe("currency");
    expect(await settingsOf(world.org.id)).toEqual(before);
    // Control: the locale alone still changes.
    const locale = await admin
      .from("organizations")
      .update({ locale: "en-GB" }, { count: "exact" })
      .eq("id", world.org.id);
    expect(locale.count).toBe(1);
    expect((await settingsOf(world.org.id)).locale).toBe("en-GB");
  });
});
