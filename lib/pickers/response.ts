import type { PickerOption } from "./schemas";

/** Choices depend on who asks and change with every edit, so no cache may keep them. */
export function pickerResponse(options: PickerOption[]): Response {
  return Response.json({ options }, { headers: { "Cache-Control": "private, no-store" } });
}
