import { describe, expect, it } from "vitest";
import { bulkChangeSchema, bulkUpdatePartnersSchema } from "@/lib/partners/bulk-schemas";
import { partnerFieldsSchema } from "@/lib/partners/schemas";
import { recordId } from "@/lib/validation/record-id";

// Shaped like md5(...)::uuid: no RFC 4122 version digit, as every generated seed id.
const md5Id = "5d41402a-bc4b-2a76-b971-9d911017c592";
const v4Id = "33333333-3333-4333-8333-000000000001";

describe("recordId", () => {
  it("accepts any id Postgres stores, with or without RFC 4122 version bits", () => {
    expect(recordId().safeParse(md5Id).success).toBe(true);
    expect(recordId().safeParse(v4Id).success).toBe(true);
  });

  it("refuses what is not an id, with the given message", () => {
    const result = recordId("Choose an owner").safeParse("not-an-id");
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe("Choose an owner");
  });

  it("lets partner schemas take ids that came from md5()", () => {
    expect(partnerFieldsSchema.shape.owner_id.safeParse(md5Id).success).toBe(true);
    expect(bulkChangeSchema.safeParse({ kind: "owner", ownerId: md5Id }).success).toBe(true);
    const bulk = { target: { kind: "ids", ids: [md5Id, v4Id] }, change: { kind: "archive" } };
    expect(bulkUpdatePartnersSchema.safeParse(bulk).success).toBe(true);
  });
});
