import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { NONE, no, ok, runMatrix, type Cells } from "./support/matrix";
import { insertRow, readRow } from "./support/rows";
import { PERSONAS, createStaff, createWorld, type PersonaName, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("prefs");
});

// Own row only, for everyone signed in; someone else's row is invisible and untouchable.
// The matrix aims at the persona's own row; "someone else's row" is checked below.
const OWN: Cells = [["own"], ok, ok, ok];
const cells = Object.fromEntries(
  PERSONAS.map((name) => [name, name === "anon" ? ([NONE, no, no, no] as Cells) : OWN]),
) as Record<PersonaName, Cells>;

async function ownRow(w: World, userId: string) {
  // anon has no row of its own: aim at the viewer's.
  const id = userId || w.people.viewer.id;
  await sql("delete from public.user_preferences where user_id = $1", [id]);
  return insertRow("user_preferences", { user_id: id, settings: { theme: "dark" } });
}

runMatrix(() => world, {
  table: "user_preferences",
  idColumn: "user_id",
  key: (row) => ({ user_id: row.user_id }),
  arrangeSelect: async (w, persona) => ({
    own: await ownRow(w, persona.id),
    colleague: await ownRow(w, (await createStaff(w.org.id, "viewer", "colleague")).id),
  }),
  arrangeTarget: (w, persona) => ownRow(w, persona.id),
  insertValues: async (w, persona) => {
    const id = persona.id || w.people.viewer.id;
    await sql("delete from public.user_preferences where user_id = $1", [id]);
    return { user_id: id, partner_directory_layout: { columns: ["name", "tier"] } };
  },
  patch: () => ({ settings: { theme: "light" } }),
  scope: (w) => ({ user_id: w.people.viewer.id }),
  cells,
});

describe("user_preferences: someone else's row", () => {
  it.each(PERSONAS.filter((name) => name !== "viewer"))(
    "%s cannot read, change or delete the viewer's preferences",
    async (name) => {
      const row = await ownRow(world, world.people.viewer.id);
      const client = world.people[name].client;
      const read = await client.from("user_preferences").select("user_id").eq("user_id", world.people.viewer.id);
      expect(read.data ?? []).toEqual([]);
      await client
        .from("user_preferences")
        .update({ settings: { hacked: true } })
        .eq("user_id", world.people.viewer.id);
      await client.from("user_preferences").delete().eq("user_id", world.people.viewer.id);
      expect(await readRow("user_preferences", { user_id: world.people.viewer.id })).toEqual(row);
    },
  );

  it("nobody can create preferences for someone else", async () => {
    const { id } = await createStaff(world.org.id, "viewer", "victim");
    const result = await world.people.admin.client.from("user_preferences").insert({ user_id: id, settings: {} });
    expect(result.error?.code).toBe("42501");
    expect(await readRow("user_preferences", { user_id: id })).toBeUndefined();
  });
});
