import type { PickerOption, PickerQuery } from "./schemas";

/**
 * A picker's answer: the first `limit` matches, and whether there are more, so the picker can
 * say that typing more narrows them instead of the list silently stopping. The search is
 * asked for one past the limit to know. Choices depend on who asks and change with every
 * edit, so no cache may keep them.
 */
export async function pickerResponse(
  query: PickerQuery,
  search: (query: PickerQuery) => Promise<PickerOption[]>,
): Promise<Response> {
  const found = await search({ ...query, limit: query.limit + 1 });
  return Response.json(
    { options: found.slice(0, query.limit), more: found.length > query.limit },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
