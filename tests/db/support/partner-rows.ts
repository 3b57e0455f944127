import { randomUUID } from "node:crypto";
import { sql } from "../../support/db";
import { insertRow, token, type Row } from "./rows";
import type { World } from "./world";

/** Rows of each partner child table, made as superuser with plausible values. */
async function orgOf(partnerId: string): Promise<string> {
  const [row] = await sql<{ org_id: string }>("select org_id from public.partners where id = $1", [partnerId]);
  if (!row) throw new Error(`no partner ${partnerId}`);
  return row.org_id;
}

export async function childValues(table: string, partnerId: string, values: Row = {}): Promise<Row> {
  const org_id = await orgOf(partnerId);
  const base: Row = { org_id, partner_id: partnerId };
  const mark = token();
  switch (table) {
    case "partner_referrals":
      return {
        ...base,
        client_name: `Client ${mark}`,
        client_email: `client-${mark}@example.test`,
        status: "submitted",
        estimated_value: 1000,
        ...values,
      };
    case "partner_commissions": {
      const [org] = await sql<{ currency: string }>("select currency from public.organizations where id = $1", [
        org_id,
      ]);
      return { ...base, amount: 100, currency: org!.currency, status: "pending", ...values };
    }
    case "partner_tasks":
      return { ...base, title: `Task ${mark}`, ...values };
    case "partner_documents":
      return {
        ...base,
        title: `Document ${mark}`,
        url: `https://www.notion.so/doc-${mark}`,
        visibility: "shared",
        ...values,
      };
    case "partner_training":
      return { ...base, name: `Course ${mark}`, ...values };
    case "partner_notes":
      return { ...base, body: `Note ${mark}`, ...values };
    default:
      throw new Error(`no values for ${table}`);
  }
}

export async function insertChild(table: string, partnerId: string, values: Row = {}): Promise<Row> {
  return insertRow(table, await childValues(table, partnerId, values));
}

export function newId(): string {
  return randomUUID();
}

/**
 * The arrangement shared by every partner child table's matrix: rows on the granted
 * partner, on its sibling (same org, not granted) and on the other org's partner;
 * writes aim at a fresh row on the granted partner, so a refusal is about the write.
 */
export function childArrangement(
  table: string,
  options: { values?: Row; patch: Row; extraRows?: (w: World) => Promise<Record<string, Row>> },
) {
  const values = options.values ?? {};
  return {
    table,
    arrangeSelect: async (w: World) => ({
      granted: await insertChild(table, w.partners.granted, values),
      sibling: await insertChild(table, w.partners.sibling, values),
      foreign: await insertChild(table, w.partners.foreign, values),
      ...(options.extraRows ? await options.extraRows(w) : {}),
    }),
    arrangeTarget: (w: World) => insertChild(table, w.partners.granted, values),
    insertValues: async (w: World) => ({ id: randomUUID(), ...(await childValues(table, w.partners.granted, values)) }),
    patch: () => options.patch,
  };
}
