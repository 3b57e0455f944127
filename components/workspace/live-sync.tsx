"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createClient } from "@/lib/supabase/client";
import { useWorkspace } from "./workspace-context";

export const LIVE_POLL_MS = 4_000;

/**
 * There is no Realtime on the local stack, so the workspace polls the newest timeline
 * event (one indexed row). When it changes (a change by anyone, anywhere) the server
 * components re-render (hero roll-ups, lists) and the timeline queries refetch.
 */
export function LiveSync() {
  const { partnerId, orgId } = useWorkspace();
  const router = useRouter();
  const queryClient = useQueryClient();
  const seen = useRef<string | null>(null);
  const { data } = useQuery({
    queryKey: ["workspace", partnerId, "newest-event"],
    queryFn: async () => {
      const { data, error } = await createClient()
        .from("partner_activity_log")
        .select("id")
        .eq("partner_id", partnerId)
        .eq("org_id", orgId)
        .order("occurred_at", { ascending: false })
        .order("id", { ascending: false })
        .limit(1);
      if (error) throw error;
      return data[0]?.id ?? "none";
    },
    refetchInterval: LIVE_POLL_MS,
    refetchIntervalInBackground: false,
  });
  useEffect(() => {
    if (!data) return;
    if (seen.current !== null && seen.current !== data) {
      void queryClient.invalidateQueries({ queryKey: ["workspace", partnerId, "activity"] });
      router.refresh();
    }
    seen.current = data;
  }, [data, partnerId, queryClient, router]);
  return null;
}
