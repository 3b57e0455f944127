import { beforeAll } from "vitest";
import { NONE, no, ok, runMatrix } from "./support/matrix";
import { childArrangement } from "./support/partner-rows";
import { createWorld, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("training");
});

const ORG = ["granted", "sibling"];
const GRANTED = ["granted"];
const FOREIGN = ["foreign"];

runMatrix(() => world, {
  ...childArrangement("partner_training", { patch: { status: "in_progress", name: "Renamed course" } }),
  // Partner users read through portal_training_rows() (partner-safe columns); the table gives them nothing.
  partnerReads: "portal_training_rows",
  // The matrix reads as a table; keep its columns aligned.
  // prettier-ignore
  cells: {
    //                 select   insert update delete
    admin:              [ORG,     ok,    ok,    ok],
    manager:            [ORG,     ok,    ok,    ok],
    member:             [ORG,     ok,    ok,    ok],
    viewer:             [ORG,     no,    no,    no],
    stranger:           [FOREIGN, no,    no,    no],
    partner:            [GRANTED, no,    no,    no],
    partnerOverview:    [NONE,    no,    no,    no],
    partnerReferrals:   [NONE,    no,    no,    no],
    partnerCommissions: [NONE,    no,    no,    no],
    partnerDocuments:   [NONE,    no,    no,    no],
    partnerTraining:    [GRANTED, no,    no,    no],
    partnerActivity:    [NONE,    no,    no,    no],
    partnerFuture:      [NONE,    no,    no,    no],
    partnerEnded:       [NONE,    no,    no,    no],
    partnerRevoked:     [NONE,    no,    no,    no],
    partnerInactive:    [NONE,    no,    no,    no],
    strangerPartner:    [FOREIGN, no,    no,    no],
    anon:               [NONE,    no,    no,    no],
  },
});
