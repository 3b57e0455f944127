import { z } from "zod";

/**
 * The id of a row. z.guid(), not z.uuid(): Postgres takes any 8-4-4-4-12 hex value, and
 * ids made with md5(...)::uuid (the seed's, imports', other systems') carry no RFC 4122
 * version or variant, which z.uuid() refuses, so forms about those rows could never save.
 */
export function recordId(message = "This record is unknown. Reload the page and try again.") {
  return z.guid({ error: message });
}
