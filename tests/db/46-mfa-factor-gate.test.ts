import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { addFactor, clientAtLevel, fillOrg, ORG_TABLES, readOrg, requireMfa } from "./support/mfa";
import { createStaff, createWorld, STAFF_ROLES, type World } from "./support/world";

/**
 * A factor someone chose protects them at the API too: with a verified factor, an aal1
 * token reads nothing in any organization, whatever the organization requires. And for
 * an aal2 session the permission matrix stays exactly as it is.
 */
let world: World;
beforeAll(async () => {
  world = await createWorld("mfa-factor");
  await fillOrg(world);
});

/** What is read, less what flipping the requirement itself writes (the org row's stamp, its audit entries). */
function apartFromTheSetting(seen: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(seen).map(([table, rows]) => [
      table,
      rows
        .map((text) => JSON.parse(text) as Record<string, unknown>)
        .filter((row) => !(table === "audit_log" && row.resource_type === "organization"))
        .map((row) => JSON.stringify({ ...row, updated_at: undefined, mfa_required: undefined })),
    ]),
  );
}

const EMPTY = Object.fromEntries(["organizations", ...ORG_TABLES].map((table) => [table, [] as string[]]));

describe("a staff member with a verified factor", () => {
  it("reads nothing at aal1, in an org that requires nothing, and every org they belong to", async () => {
    const person = await createStaff(world.org.id, "member", "factor");
    await sql("insert into public.org_members (org_id, user_id, role) values ($1, $2, 'viewer')", [
      world.otherOrg.id,
      person.id,
    ]);
    const before = await readOrg(await clientAtLevel(person.id, "aal1"), world);
    expect(before.partners!.length).toBeGreaterThanOrEqual(2);

    await addFactor(person.id, "verified");
    const at1 = await clientAtLevel(person.id, "aal1");
    expect(await readOrg(at1, world)).toEqual(EMPTY);
    expect((await at1.from("partners").select("id").eq("org_id", world.otherOrg.id)).data).toEqual([]);
    const write = await at1.from("partner_notes").insert({
      org_id: world.org.id,
      partner_id: world.partners.granted,
      body: "at aal1",
    });
    expect(write.error?.code).toBe("42501");
    const note = await at1.rpc("add_partner_note", { p_partner_id: world.partners.granted, p_body: "at aal1" });
    expect(note.error).not.toBeNull();

    const status = await at1.rpc("my_mfa_status");
    expect(status.data).toHaveLength(2);
    expect(status.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ org_id: world.org.id, applies: false, has_verified_factor: true, allowed: false }),
      ]),
    );

    // Control: at aal2 they read what they read before.
    expect(await readOrg(await clientAtLevel(person.id, "aal2"), world)).toEqual(before);
  });

  it("an unverified factor (set-up not finished) gates nothing", async () => {
    const person = await createStaff(world.org.id, "member", "unverified");
    await addFactor(person.id, "unverified");
    const at1 = await clientAtLevel(person.id, "aal1");
    expect((await at1.from("partners").select("id").eq("org_id", world.org.id)).data!.length).toBeGreaterThanOrEqual(2);
  });

  it("once the factor is removed, aal1 works again on the next request", async () => {
    const person = await createStaff(world.org.id, "viewer", "removed");
    const factor = await addFactor(person.id, "verified");
    const at1 = await clientAtLevel(person.id, "aal1");
    expect((await at1.from("partners").select("id").eq("org_id", world.org.id)).data).toEqual([]);
    await sql("delete from auth.mfa_factors where id = $1", [factor]);
    expect((await at1.from("partners").select("id").eq("org_id", world.org.id)).data!.length).toBeGreaterThanOrEqual(2);
  });
});

describe("aal2 sessions keep the matrix as it is", () => {
  it.each(STAFF_ROLES)(
    "%s at aal2 in an org that requires it reads exactly what aal1 reads without it",
    async (role) => {
      const id = world.people[role].id;
      await requireMfa(world.org.id, "none");
      const without = await readOrg(await clientAtLevel(id, "aal1"), world);
      await requireMfa(world.org.id, "staff");
      const required = await readOrg(await clientAtLevel(id, "aal2"), world);
      await requireMfa(world.org.id, "none");
      expect(apartFromTheSetting(required)).toEqual(apartFromTheSetting(without));
      expect(required.organizations).toHaveLength(1);
    },
  );

  it("at aal2 in an org that requires it, editors write and viewers are refused, as the matrix says", async () => {
    await requireMfa(world.org.id, "staff");
    try {
      for (const role of STAFF_ROLES) {
        const client = await clientAtLevel(world.people[role].id, "aal2");
        const result = await client
          .from("partner_notes")
          .insert({ org_id: world.org.id, partner_id: world.partners.granted, body: `by ${role} at aal2` });
        if (role === "viewer") expect(result.error?.code, role).toBe("42501");
        else expect(result.error, role).toBeNull();
        const rename = await client
          .from("organizations")
          .update({ name: `${world.org.name} (${role})` }, { count: "exact" })
          .eq("id", world.org.id);
        expect(rename.count ?? 0, role).toBe(role === "admin" ? 1 : 0);
        const deleted = await client.from("partners").delete({ count: "exact" }).eq("id", crypto.randomUUID());
        expect(deleted.error, role).toBeNull();
      }
    } finally {
      await requireMfa(world.org.id, "none");
    }
  });
});
