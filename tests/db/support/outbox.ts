import type { SupabaseClient } from "@supabase/supabase-js";
import { expect } from "vitest";

/** Fans the outbox out until no event is left, as the job runner would over several runs (service_role). */
export async function drainOutbox(service: SupabaseClient): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { data, error } = await service.rpc("jobs_fan_out", { p_limit: 5000 });
    expect(error).toBeNull();
    if ((data as { events: number }).events === 0) return;
  }
  throw new Error("the outbox did not drain");
}
