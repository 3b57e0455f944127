import { describe, expect, it } from "vitest";
import { canMoveCommission } from "@/lib/commissions/constants";
import { commissionFormSchema } from "@/lib/commissions/schemas";
import { documentFormSchema } from "@/lib/documents/schemas";
import { noteFormSchema } from "@/lib/notes/schemas";
import { referralFormSchema } from "@/lib/referrals/schemas";
import { taskFormSchema } from "@/lib/tasks/schemas";
import { dayToInstant } from "@/lib/workspace/form-fields";

function errorsOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

describe("taskFormSchema", () => {
  const valid = {
    title: " Call Pat ",
    description: "",
    status: "todo",
    priority: "high",
    due_date: "2026-05-01",
    assignee_id: "",
  };
  it("trims, and turns empty optional fields into null", () => {
    expect(taskFormSchema.parse(valid)).toEqual({
      title: "Call Pat",
      description: null,
      status: "todo",
      priority: "high",
      due_date: "2026-05-01",
      assignee_id: null,
    });
  });
  it("requires a title and a real date", () => {
    const errors = errorsOf(taskFormSchema.safeParse({ ...valid, title: "  ", due_date: "2026-13-45" }));
    expect(errors.title).toBe("Title is required");
    expect(errors.due_date).toBe("That date does not exist: a month is 01 to 12");
  });
  it("refuses unknown status, priority and a malformed assignee", () => {
    const errors = errorsOf(
      taskFormSchema.safeParse({ ...valid, status: "blocked", priority: "meh", assignee_id: "bob" }),
    );
    expect(Object.keys(errors).sort()).toEqual(["assignee_id", "priority", "status"]);
  });
});

describe("referralFormSchema", () => {
  const valid = {
    client_name: "Aurora",
    client_email: "Buyer@Aurora.Example",
    status: "submitted",
    estimated_value: "1200.50",
    actual_value: "",
    referred_at: "2026-03-01",
    closed_at: "",
  };
  it("parses money, lowercases email, empty means null", () => {
    expect(referralFormSchema.parse(valid)).toMatchObject({
      client_email: "buyer@aurora.example",
      estimated_value: 1200.5,
      actual_value: null,
      closed_at: null,
    });
  });
  it("puts each error at its field", () => {
    const errors = errorsOf(
      referralFormSchema.safeParse({
        ...valid,
        client_name: "",
        client_email: "not-an-email",
        estimated_value: "-5",
        actual_value: "abc",
      }),
    );
    expect(errors).toMatchObject({
      client_name: "Client name is required",
      client_email: "Enter a valid email address",
      estimated_value: "Use a value of 0 or more",
      actual_value: "Enter an amount as a number, like 1200.5",
    });
  });
  it("refuses a close date before the referral date, at the close date", () => {
    expect(errorsOf(referralFormSchema.safeParse({ ...valid, closed_at: "2026-02-28" }))).toEqual({
      closed_at: "The close date cannot be before the referral date",
    });
    expect(referralFormSchema.safeParse({ ...valid, closed_at: "2026-03-01" }).success).toBe(true);
  });
});

describe("commissionFormSchema", () => {
  const valid = { amount: "150", description: "", earned_at: "2026-03-01", due_at: "2026-04-01", referral_id: "" };
  it("needs an amount above zero", () => {
    expect(errorsOf(commissionFormSchema.safeParse({ ...valid, amount: "0" })).amount).toBe(
      "The amount must be above 0",
    );
    expect(errorsOf(commissionFormSchema.safeParse({ ...valid, amount: "-3" })).amount).toBe(
      "The amount must be above 0",
    );
    expect(errorsOf(commissionFormSchema.safeParse({ ...valid, amount: "" })).amount).toBe("Enter an amount");
    expect(commissionFormSchema.parse(valid).amount).toBe(150);
  });
  it("refuses a due date before the earned date", () => {
    expect(errorsOf(commissionFormSchema.safeParse({ ...valid, due_at: "2026-02-01" }))).toEqual({
      due_at: "The due date cannot be before the earned date",
    });
  });
  it("allows only the moves of the state machine", () => {
    expect(canMoveCommission("pending", "approved")).toBe(true);
    expect(canMoveCommission("approved", "paid")).toBe(true);
    expect(canMoveCommission("approved", "void")).toBe(true);
    expect(canMoveCommission("pending", "paid")).toBe(false);
    expect(canMoveCommission("paid", "void")).toBe(false);
    expect(canMoveCommission("void", "pending")).toBe(false);
  });
});

describe("documentFormSchema", () => {
  const valid = {
    title: "Agreement",
    url: "https://www.notion.so/acme/Agreement-123",
    document_type: "agreement",
    tags: "Legal, 2026, legal, ",
    visibility: "shared",
  };
  it("parses tags into a clean list", () => {
    expect(documentFormSchema.parse(valid).tags).toEqual(["legal", "2026"]);
  });
  it("needs an http(s) link", () => {
    expect(errorsOf(documentFormSchema.safeParse({ ...valid, url: "notion.so/page" })).url).toBe(
      "Enter a link starting with http:// or https://",
    );
    expect(errorsOf(documentFormSchema.safeParse({ ...valid, url: "" })).url).toBe("Paste the document's link");
    expect(errorsOf(documentFormSchema.safeParse({ ...valid, visibility: "public" })).visibility).toBe(
      "Choose who can see it",
    );
  });
});

describe("noteFormSchema", () => {
  it("needs some text", () => {
    expect(errorsOf(noteFormSchema.safeParse({ body: "   " })).body).toBe("Write the note first");
    expect(noteFormSchema.parse({ body: " hello " }).body).toBe("hello");
  });
});

describe("dayToInstant", () => {
  it("puts a day at noon UTC so it stays that day from UTC-11 to UTC+11", () => {
    expect(dayToInstant("2026-03-01")).toBe("2026-03-01T12:00:00.000Z");
    expect(dayToInstant(null)).toBeNull();
  });
});
