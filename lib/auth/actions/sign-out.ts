"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/actions/safe-action";

const signOutSchema = z.object({ to: z.enum(["admin", "portal"]) });

/** Ends this browser's session (local scope: other devices stay signed in). */
export const signOut = userAction(signOutSchema, async (input, { supabase }) => {
  await supabase.auth.signOut({ scope: "local" });
  redirect(input.to === "portal" ? "/portal/login" : "/login");
});
