"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions/safe-action";
import { ok } from "@/lib/actions/result";
import { landingPath } from "@/lib/auth/landing";

const continueSchema = z.object({ next: z.string().max(2000).optional() });

/**
 * After the browser has taken a session from a link's fragment (admin invitations under
 * GoTrue's default template): where to go, decided on the server as for every other link.
 */
export const continueAfterSignIn = userAction(continueSchema, async (input, { supabase, userId }) =>
  ok({ next: await landingPath(supabase, userId, input.next) }),
);
