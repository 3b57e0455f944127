import { z } from "zod";
import {
  DIRECTORY_COLUMNS,
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
  PAGE_SIZES,
  SORT_VALUES,
  type DirectoryColumn,
} from "@/lib/partners/directory-columns";

/**
 * A person's saved directory layout (user_preferences.partner_directory_layout):
 * visible columns, widths, sort and page size. It applies when the URL says nothing;
 * filters are never saved here (a shared link must show what its sender saw).
 */
export const directoryLayoutSchema = z.object({
  columns: z.array(z.enum(DIRECTORY_COLUMNS)).min(1).max(DIRECTORY_COLUMNS.length).optional(),
  widths: z
    .partialRecord(z.enum(DIRECTORY_COLUMNS), z.number().int().min(MIN_COLUMN_WIDTH).max(MAX_COLUMN_WIDTH))
    .optional(),
  sort: z.enum(SORT_VALUES).optional(),
  size: z.union(PAGE_SIZES.map((size) => z.literal(size))).optional(),
});
export type DirectoryLayout = z.infer<typeof directoryLayoutSchema>;
export type ColumnWidths = Partial<Record<DirectoryColumn, number>>;

/** Reads a stored layout leniently: a value from an older version of the app is dropped, not fatal. */
export function readDirectoryLayout(value: unknown): DirectoryLayout {
  const parsed = directoryLayoutSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const layout: DirectoryLayout = {};
  if (value && typeof value === "object") {
    for (const key of ["columns", "widths", "sort", "size"] as const) {
      const field = directoryLayoutSchema.shape[key].safeParse((value as Record<string, unknown>)[key]);
      if (field.success && field.data !== undefined) Object.assign(layout, { [key]: field.data });
    }
  }
  return layout;
}
