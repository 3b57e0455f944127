import { beforeAll, describe, expect, it } from "vitest";
import { NONE, no, ok, runMatrix } from "./support/matrix";
import { childArrangement, insertChild } from "./support/partner-rows";
import { readRow } from "./support/rows";
import { createWorld, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("tasks");
});

const ORG = ["granted", "sibling"];
const FOREIGN = ["foreign"];

// Internal tasks: staff only, whatever a partner user's scope.
runMatrix(() => world, {
  ...childArrangement("partner_tasks", { patch: { status: "in_progress", priority: "high" } }),
  // The matrix reads as a table; keep its columns aligned.
  // prettier-ignore
  cells: {
    //                 select   insert update delete
    admin:              [ORG,     ok,    ok,    ok],
    manager:            [ORG,     ok,    ok,    ok],
    member:             [ORG,     ok,    ok,    ok],
    viewer:             [ORG,     no,    no,    no],
    stranger:           [FOREIGN, no,    no,    no],
    partner:            [NONE,    no,    no,    no],
    partnerOverview:    [NONE,    no,    no,    no],
    partnerReferrals:   [NONE,    no,    no,    no],
    partnerCommissions: [NONE,    no,    no,    no],
    partnerDocuments:   [NONE,    no,    no,    no],
    partnerTraining:    [NONE,    no,    no,    no],
    partnerActivity:    [NONE,    no,    no,    no],
    partnerFuture:      [NONE,    no,    no,    no],
    partnerEnded:       [NONE,    no,    no,    no],
    partnerRevoked:     [NONE,    no,    no,    no],
    partnerInactive:    [NONE,    no,    no,    no],
    strangerPartner:    [NONE,    no,    no,    no],
    anon:               [NONE,    no,    no,    no],
  },
});

describe("partner_tasks: rules beyond the matrix", () => {
  it("the assignee must be staff of the org (not a stranger, not a partner user)", async () => {
    const task = await insertChild("partner_tasks", world.partners.granted);
    for (const assignee of [world.people.stranger.id, world.people.partner.id]) {
      const result = await world.people.member.client
        .from("partner_tasks")
        .update({ assignee_id: assignee })
        .eq("id", task.id as string);
      expect(result.error?.code).toBe("23503");
    }
    expect(await readRow("partner_tasks", { id: task.id })).toEqual(task);
  });

  it("completed_at follows done, and cannot be forged", async () => {
    const task = await insertChild("partner_tasks", world.partners.granted);
    const done = await world.people.member.client
      .from("partner_tasks")
      .update({ status: "done" })
      .eq("id", task.id as string)
      .select("completed_at")
      .single();
    expect(done.data?.completed_at).not.toBeNull();
    const reopened = await world.people.member.client
      .from("partner_tasks")
      .update({ status: "todo" })
      .eq("id", task.id as string)
      .select("completed_at")
      .single();
    expect(reopened.data?.completed_at).toBeNull();
    const forged = await world.people.member.client
      .from("partner_tasks")
      .update({ completed_at: "2020-01-01T00:00:00Z" })
      .eq("id", task.id as string);
    expect(forged.error?.code).toBe("42501");
  });
});
