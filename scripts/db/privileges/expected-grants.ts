import fs from "node:fs";
import path from "node:path";
import { compareGrants, describeGrant, objectKind, PRIVILEGES, ROLES, type Grant, type Role } from "./model";

export const EXPECTED_GRANTS_FILE = path.join(import.meta.dirname, "expected-grants.txt");

/**
 * Reads the expected-grants table: one `object | role | privilege` per line, `#` comments,
 * blank lines between groups. A privilege may name columns: `INSERT (id, name)`.
 */
export function parseExpectedGrants(text: string, source = "expected-grants.txt"): Grant[] {
  const grants: Grant[] = [];
  const seen = new Set<string>();
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/#.*$/, "").trim();
    if (line === "") return;
    const where = `${source}:${index + 1}`;
    const cells = line.split("|").map((cell) => cell.trim());
    if (cells.length !== 3) throw new Error(`${where}: expected "object | role | privilege", got "${raw.trim()}"`);
    const [object, role, privilegeCell] = cells as [string, string, string];
    const kind = objectKind(object);
    if (!(ROLES as readonly string[]).includes(role)) throw new Error(`${where}: unknown role "${role}"`);
    if (role === "PUBLIC" && kind !== "function") throw new Error(`${where}: PUBLIC is reported for functions only`);
    const match = /^([A-Z]+)(?:\s*\(([^)]*)\))?$/.exec(privilegeCell);
    if (!match || !PRIVILEGES[kind].includes(match[1]!))
      throw new Error(`${where}: "${privilegeCell}" is not a privilege of a ${kind} (${PRIVILEGES[kind].join(", ")})`);
    const columns = match[2] === undefined ? null : match[2].split(",").map((column) => column.trim());
    if (columns) columns.sort();
    const key = `${object}|${role}|${match[1]}`;
    if (seen.has(key)) throw new Error(`${where}: ${object} ${role} ${match[1]} is listed twice`);
    seen.add(key);
    grants.push({ object, role: role as Role, privilege: match[1]!, columns });
  });
  return grants;
}

export function loadExpectedGrants(file = EXPECTED_GRANTS_FILE): Grant[] {
  return parseExpectedGrants(fs.readFileSync(file, "utf8"), path.basename(file));
}

/** Writes grants in the table's format, one aligned line each, a blank line between objects. */
export function formatGrants(grants: Grant[]): string {
  const width = Math.max(...grants.map((grant) => grant.object.length));
  const lines: string[] = [];
  let previous: string | undefined;
  for (const grant of [...grants].sort(compareGrants)) {
    if (previous !== undefined && previous !== grant.object) lines.push("");
    lines.push(`${grant.object.padEnd(width)} | ${grant.role.padEnd(13)} | ${describeGrant(grant)}`);
    previous = grant.object;
  }
  return `${lines.join("\n")}\n`;
}
