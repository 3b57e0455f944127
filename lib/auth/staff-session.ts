import "server-only";
import { cache } from "react";
import { createClient } from "@/lib/supabase/server";
import { outageOr } from "@/lib/supabase/unreachable";
import type { Database } from "@/lib/database.types";

export type StaffSessionRow = Database["public"]["Functions"]["my_staff_session"]["Returns"][number];

/**
 * The signed-in person's memberships, where they stand with two-factor sign-in and, for the
 * orgs this session may act in, the org's details: one database call per request that both
 * the two-factor step (lib/mfa/status.ts) and the staff context (./staff-context.ts) read.
 */
export const getStaffSession = cache(async (): Promise<StaffSessionRow[]> => {
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("my_staff_session");
  if (error) throw outageOr(error);
  return data ?? [];
});
