import { beforeAll, describe, expect, it } from "vitest";
import { NONE, no, ok, runMatrix } from "./support/matrix";
import { childArrangement, insertChild } from "./support/partner-rows";
import { createWorld, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("documents");
});

// granted/sibling/foreign are shared documents; internal is an internal one on the granted partner.
const ORG = ["granted", "sibling", "internal"];
const SHARED = ["granted"];
const FOREIGN = ["foreign"];

runMatrix(() => world, {
  ...childArrangement("partner_documents", {
    values: { visibility: "shared" },
    patch: { title: "Renamed document", visibility: "internal" },
    extraRows: async (w) => ({
      internal: await insertChild("partner_documents", w.partners.granted, { visibility: "internal" }),
    }),
  }),
  // Partner users read through portal_document_rows() (partner-safe columns); the table gives them nothing.
  partnerReads: "portal_document_rows",
  // The matrix reads as a table; keep its columns aligned.
  // prettier-ignore
  cells: {
    //                 select   insert update delete
    admin:              [ORG,     ok,    ok,    ok],
    manager:            [ORG,     ok,    ok,    ok],
    member:             [ORG,     ok,    ok,    ok],
    viewer:             [ORG,     no,    no,    no],
    stranger:           [FOREIGN, no,    no,    no],
    partner:            [SHARED,  no,    no,    no],
    partnerOverview:    [NONE,    no,    no,    no],
    partnerReferrals:   [NONE,    no,    no,    no],
    partnerCommissions: [NONE,    no,    no,    no],
    partnerDocuments:   [SHARED,  no,    no,    no],
    partnerTraining:    [NONE,    no,    no,    no],
    partnerActivity:    [NONE,    no,    no,    no],
    partnerFuture:      [NONE,    no,    no,    no],
    partnerEnded:       [NONE,    no,    no,    no],
    partnerRevoked:     [NONE,    no,    no,    no],
    partnerInactive:    [NONE,    no,    no,    no],
    strangerPartner:    [FOREIGN, no,    no,    no],
    anon:               [NONE,    no,    no,    no],
  },
});

describe("partner_documents: visibility", () => {
  it("a document turned internal disappears from the portal on the very next request", async () => {
    const doc = await insertChild("partner_documents", world.partners.granted, { visibility: "shared" });
    const before = await world.people.partnerDocuments.client
      .rpc("portal_document_rows")
      .select("id")
      .eq("id", doc.id as string);
    expect(before.data).toHaveLength(1);
    await world.people.member.client
      .from("partner_documents")
      .update({ visibility: "internal" })
      .eq("id", doc.id as string);
    const after = await world.people.partnerDocuments.client
      .rpc("portal_document_rows")
      .select("id")
      .eq("id", doc.id as string);
    expect(after.data).toEqual([]);
  });

  it("only http(s) links are accepted", async () => {
    const result = await world.people.member.client.from("partner_documents").insert({
      org_id: world.org.id,
      partner_id: world.partners.granted,
      title: "Bad link",
      url: "javascript:alert(1)",
    });
    expect(result.error?.code).toBe("23514");
  });
});
