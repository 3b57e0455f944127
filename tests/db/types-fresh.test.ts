import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { generateTypes, TYPES_FILE } from "../../scripts/db/gen-types";
import { testEnv } from "../support/env";

describe("generated database types", () => {
  it("lib/database.types.ts matches the migrations (run `npm run db:types` when this fails)", () => {
    const fresh = generateTypes(testEnv.dbUrl);
    const checkedIn = fs.readFileSync(TYPES_FILE, "utf8");
    expect(checkedIn === fresh, "lib/database.types.ts is stale: run `npm run db:types` and commit it").toBe(true);
  }, 60_000);
});
