import { describe, expect, it } from "vitest";
import { constraintNameOf, translateDbError } from "@/lib/db/errors";
import { dbFailure } from "@/lib/workspace/db-errors";

const check = (table: string, name: string) => ({
  code: "23514",
  message: `new row for relation "${table}" violates check constraint "${name}"`,
  details: "Failing row contains (...)",
});

describe("translateDbError", () => {
  it("reads the constraint's exact name, not a fragment of it", () => {
    expect(constraintNameOf(check("partner_commissions", "partner_commissions_paid_at_when_paid"))).toBe(
      "partner_commissions_paid_at_when_paid",
    );
    // A name the translator does not know never borrows the sentence of one that starts the same way.
    expect(translateDbError(check("partner_commissions", "partner_commissions_amount_check_v2"))).toMatchObject({
      field: null,
      kind: "refused",
    });
    expect(translateDbError(check("partner_commissions", "partner_commissions_amount_check"))).toMatchObject({
      field: "amount",
      message: "The amount must be above 0",
    });
  });

  it("maps unique and foreign-key refusals by name", () => {
    expect(
      translateDbError({
        code: "23505",
        message: 'duplicate key value violates unique constraint "partners_org_id_external_id_key"',
      }),
    ).toMatchObject({ field: "external_id" });
    expect(
      translateDbError({
        code: "23503",
        message:
          'insert or update on table "partner_tasks" violates foreign key constraint "partner_tasks_assignee_id_fkey"',
      }),
    ).toMatchObject({ field: "assignee_id" });
  });

  it("knows raised refusals by code and whole message, with the hint", () => {
    expect(
      translateDbError({
        code: "23514",
        message: "an organization keeps at least one admin",
        hint: "Make another member admin first.",
      }),
    ).toMatchObject({
      field: "role",
      message: "An organization keeps at least one admin. Make another member admin first.",
    });
    expect(translateDbError({ code: "PT404", message: "partner not found" })).toMatchObject({ kind: "not_found" });
    expect(translateDbError({ code: "23514", message: "something else entirely" })).toMatchObject({ kind: "unknown" });
  });

  it("never passes a raw database message through", () => {
    const refusal = translateDbError({ code: "XX000", message: "internal: relation pg_secret" });
    expect(refusal.message).not.toContain("pg_secret");
  });

  it("puts the message at the field in an action result", () => {
    expect(dbFailure(check("partner_referrals", "partner_referrals_closed_after_referred"))).toEqual({
      ok: false,
      error: "The close date cannot be before the referral date",
      fieldErrors: { closed_at: "The close date cannot be before the referral date" },
    });
  });
});
