import { beforeAll } from "vitest";
import { NONE, no, runMatrix } from "./support/matrix";
import { readRow } from "./support/rows";
import { createPartner, createWorld, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("buckets");
});

const bucketOf = async (partnerId: string) => {
  const partner = (await readRow("partners", { id: partnerId }))!;
  return (await readRow("partner_metric_buckets", {
    org_id: partner.org_id,
    status: partner.status,
    tier: partner.tier,
    owner_id: partner.owner_id,
    archived: partner.archived_at !== null,
  }))!;
};

const OURS = ["ours"];
const FOREIGN = ["foreign"];

// Pre-aggregated hero metrics: staff read them, triggers alone write them.
runMatrix(() => world, {
  table: "partner_metric_buckets",
  arrangeSelect: async (w) => ({
    ours: await bucketOf(w.partners.granted),
    foreign: await bucketOf(w.partners.foreign),
  }),
  arrangeTarget: async (w) =>
    bucketOf(
      (await createPartner(w.org.id, { status: "paused", tier: "gold", owner_id: w.people.viewer.id })).id as string,
    ),
  insertValues: async (w) => ({
    id: crypto.randomUUID(),
    org_id: w.org.id,
    status: "churned",
    tier: "platinum",
    archived: true,
    partners: 1000,
  }),
  patch: () => ({ partners: 999, pipeline_value: 1 }),
  // The matrix reads as a table; keep its columns aligned.
  // prettier-ignore
  cells: {
    //                 select   insert update delete
    admin:              [OURS,    no,    no,    no],
    manager:            [OURS,    no,    no,    no],
    member:             [OURS,    no,    no,    no],
    viewer:             [OURS,    no,    no,    no],
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
