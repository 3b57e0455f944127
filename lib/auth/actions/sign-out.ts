"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/actions/safe-action";

const signOutSchema = z.object({ to: z.enum(["admin", "portal"]) });

/**
 * Ends this browser's session (local scope: other devices stay signed in). Open to
 * anyone: a session already revoked elsewhere still leaves cookies here, and signing
 * out is how they go (auth-js removes them even when the auth server no longer knows
 * the session).
 */
export const signOut = publicAction(signOutSchema, async (input, { supabase }) => {
  await supabase.auth.signOut({ scope: "local" });
  redirect(input.to === "portal" ? "/portal/login" : "/login");
});
