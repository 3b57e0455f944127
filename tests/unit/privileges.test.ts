import { describe, expect, it } from "vitest";
import { comparePrivileges, formatDifference } from "../../scripts/db/privileges/compare";
import { loadExpectedGrants, parseExpectedGrants } from "../../scripts/db/privileges/expected-grants";
import type { Grant, PrivilegeReport } from "../../scripts/db/privileges/model";
import { brokenRule } from "../../scripts/db/privileges/rules";

const grant = (object: string, role: Grant["role"], privilege: string, columns: string[] | null = null): Grant => ({
  object,
  role,
  privilege,
  columns,
});

function report(grants: Grant[], extraObjects: string[] = []): PrivilegeReport {
  return { grants, objects: new Set([...grants.map((g) => g.object), ...extraObjects]) };
}

describe("the expected-grants table", () => {
  const expected = loadExpectedGrants();

  it("breaks none of the rules", () => {
    const broken = expected.filter((g) => brokenRule(g)).map((g) => `${g.object} ${g.role} ${g.privilege}`);
    expect(broken).toEqual([]);
  });

  it("grants anon nothing but USAGE on public, and lists no private function for PUBLIC", () => {
    expect(expected.filter((g) => g.role === "anon")).toEqual([grant("schema public", "anon", "USAGE")]);
    expect(expected.filter((g) => g.role === "PUBLIC")).toEqual([]);
  });

  it("lets every API role only read the append-only tables", () => {
    for (const table of ["table public.audit_log", "table public.partner_activity_log"]) {
      expect(expected.filter((g) => g.object === table).map((g) => `${g.role} ${g.privilege}`)).toEqual([
        "authenticated SELECT",
        "service_role SELECT",
      ]);
    }
  });
});

describe("parseExpectedGrants", () => {
  it("reads whole-object and column-level grants, skipping comments and blank lines", () => {
    const text = [
      "# a comment",
      "table public.t | authenticated | SELECT",
      "",
      "table public.t | authenticated | INSERT (name, id)   # trailing comment",
      "function private.f(uuid, text) | service_role | EXECUTE",
    ].join("\n");
    expect(parseExpectedGrants(text)).toEqual([
      grant("table public.t", "authenticated", "SELECT"),
      grant("table public.t", "authenticated", "INSERT", ["id", "name"]),
      grant("function private.f(uuid, text)", "service_role", "EXECUTE"),
    ]);
  });

  it.each([
    ["table public.t | someone | SELECT", /unknown role "someone"/],
    ["table public.t | PUBLIC | SELECT", /PUBLIC is reported for functions only/],
    ["function public.f() | anon | SELECT", /not a privilege of a function/],
    ["table public.t | anon", /expected "object \| role \| privilege"/],
    ["relation public.t | anon | SELECT", /does not start with a kind of object/],
    ["table public.t | anon | SELECT\ntable public.t | anon | SELECT", /listed twice/],
  ])("refuses %j", (text, message) => {
    expect(() => parseExpectedGrants(text)).toThrow(message);
  });
});

describe("comparePrivileges", () => {
  const expected = [
    grant("table public.partners", "authenticated", "SELECT"),
    grant("table public.partners", "authenticated", "INSERT", ["id", "name"]),
    grant("table public.audit_log", "service_role", "SELECT"),
    grant("function public.f(uuid)", "authenticated", "EXECUTE"),
    grant("function auth.uid()", "authenticated", "EXECUTE"),
  ];

  it("finds nothing when the database grants exactly the table", () => {
    expect(comparePrivileges(expected, report(expected))).toEqual([]);
  });

  it("reports a grant the database lacks, and an object it lacks", () => {
    const actual = report(
      expected.filter((g) => g.object !== "function public.f(uuid)" && g.privilege !== "SELECT"),
      ["table public.audit_log"],
    );
    expect(comparePrivileges(expected, actual).map(formatDifference)).toEqual([
      "table public.audit_log | service_role | SELECT | expected SELECT | actual none",
      "table public.partners | authenticated | SELECT | expected SELECT | actual none",
      "function public.f(uuid) | authenticated | EXECUTE | expected EXECUTE | actual no such object",
    ]);
  });

  it("names the columns granted beyond or short of the table, and a table-level grant for column-level", () => {
    const columns = comparePrivileges(
      expected,
      report([
        ...expected.filter((g) => g.privilege !== "INSERT"),
        grant("table public.partners", "authenticated", "INSERT", ["id", "org_id"]),
      ]),
    );
    expect(columns.map(formatDifference)).toEqual([
      "table public.partners | authenticated | INSERT | expected INSERT (id, name) | actual INSERT (id, org_id) | also org_id; lacks name",
    ]);
    const whole = comparePrivileges(
      expected,
      report([
        ...expected.filter((g) => g.privilege !== "INSERT"),
        grant("table public.partners", "authenticated", "INSERT"),
      ]),
    );
    expect(whole.map((d) => [d.expected, d.actual])).toEqual([["INSERT (id, name)", "INSERT"]]);
  });

  it("flags grants the table does not list, naming the rule they break", () => {
    const differences = comparePrivileges(
      expected,
      report([
        ...expected,
        grant("table public.audit_log", "service_role", "INSERT"),
        grant("table public.partners", "anon", "SELECT"),
        grant("table public.partners", "authenticated", "TRUNCATE"),
        grant("function private.stray()", "PUBLIC", "EXECUTE"),
        grant("function private.stray()", "authenticated", "EXECUTE"),
      ]),
    );
    expect(differences.map(formatDifference)).toEqual([
      "table public.audit_log | service_role | INSERT | expected none | actual INSERT | append-only tables grant nothing but SELECT, to every API role",
      "table public.partners | anon | SELECT | expected none | actual SELECT | anon holds nothing on any table, view or sequence",
      "table public.partners | authenticated | TRUNCATE | expected none | actual TRUNCATE | anon and authenticated never hold TRUNCATE, TRIGGER, REFERENCES or MAINTAIN",
      "function private.stray() | authenticated | EXECUTE | expected none | actual EXECUTE | functions are closed by default: this one is not in the expected table",
      "function private.stray() | PUBLIC | EXECUTE | expected none | actual EXECUTE | no private function is executable by anon or PUBLIC",
    ]);
  });

  it("checks only the listed grants in auth, which the platform owns", () => {
    const actual = report([
      ...expected,
      grant("function auth.uid()", "anon", "EXECUTE"),
      grant("function auth.jwt()", "PUBLIC", "EXECUTE"),
    ]);
    expect(comparePrivileges(expected, actual)).toEqual([]);
    const without = report(expected.filter((g) => g.object !== "function auth.uid()"));
    expect(comparePrivileges(expected, without).map((d) => d.object)).toEqual(["function auth.uid()"]);
  });
});
