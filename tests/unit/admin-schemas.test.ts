import { describe, expect, it } from "vitest";
import { changeMemberRoleSchema, inviteMemberSchema } from "@/lib/members/schemas";
import {
  grantPartnerAccessSchema,
  invitePartnerUserSchema,
  updateAccessWindowSchema,
} from "@/lib/partner-users/schemas";

// An id made with md5()::uuid, as the seed's generated partners have: no RFC 4122 version.
const MD5_ID = "0cc175b9-c0f1-b6a8-31c3-99e269772661";
const USER = "22222222-2222-4222-8222-000000000002";

describe("partner-user schemas (shared by the forms and the actions)", () => {
  it("takes what the invite form holds and gives days, trimmed email and every id Postgres stores", () => {
    const parsed = invitePartnerUserSchema.parse({
      email: "  Ivy@Fabrikam.TEST ",
      name: " Ivy ",
      grants: [{ partnerId: MD5_ID, scope: ["referrals"], startsOn: "2026-03-08", endsOn: "" }],
    });
    expect(parsed).toEqual({
      email: "ivy@fabrikam.test",
      name: "Ivy",
      grants: [{ partnerId: MD5_ID, scope: ["referrals"], startsOn: "2026-03-08", endsOn: null }],
    });
  });

  it("puts each refusal at its field", () => {
    const result = invitePartnerUserSchema.safeParse({
      email: "nope",
      name: "",
      grants: [{ partnerId: "", scope: [], startsOn: "2026-03-08", endsOn: "2026-03-01" }],
    });
    expect(result.success).toBe(false);
    const byPath = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(byPath).toMatchObject({
      email: "Enter a valid email address",
      name: "Enter their name",
      "grants.0.partnerId": "Choose a partner",
    });
    const window = updateAccessWindowSchema.safeParse({
      grantId: USER,
      window: { scope: [], startsOn: "2026-03-08", endsOn: "2026-03-01" },
    });
    expect(window.error!.issues[0]).toMatchObject({
      path: ["window", "endsOn"],
      message: "The end must be after the start",
    });
    expect(
      grantPartnerAccessSchema.safeParse({ partnerUserId: "", grant: { partnerId: USER, scope: [] } }).error!.issues[0]!
        .message,
    ).toBe("Choose a partner user");
  });

  it("refuses a day that does not exist", () => {
    expect(
      updateAccessWindowSchema.safeParse({ grantId: USER, window: { scope: [], startsOn: "2026-02-30", endsOn: "" } })
        .success,
    ).toBe(false);
  });
});

describe("member schemas", () => {
  it("trims and lowercases the email and checks the role", () => {
    expect(inviteMemberSchema.parse({ email: " New@Acme.test", role: "manager" })).toEqual({
      email: "new@acme.test",
      role: "manager",
    });
    expect(inviteMemberSchema.safeParse({ email: "new@acme.test", role: "owner" }).success).toBe(false);
    expect(changeMemberRoleSchema.safeParse({ userId: MD5_ID, role: "viewer" }).success).toBe(true);
  });
});
