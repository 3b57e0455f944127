import type pg from "pg";
import type { Mailer } from "./mail";
import type { RateLimiter } from "./rate-limit";
import type { AuthSettings } from "./settings";

/** What every handler may use. */
export type Context = {
  pool: pg.Pool;
  settings: AuthSettings;
  mailer: Mailer;
  limiter: RateLimiter;
};
