import "server-only";
import { revalidatePath } from "next/cache";

/** Every tab of a partner's workspace shows roll-ups in its hero: refresh them all. */
export function revalidateWorkspace(partnerId: string): void {
  revalidatePath(`/admin/partners/${partnerId}`, "layout");
}
