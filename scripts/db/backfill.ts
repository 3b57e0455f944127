/**
 * npm run db:backfill — writes the activity events that predate the triggers: a
 * referral.created per referral (at referred_at) and a commission.created per commission
 * lacking one. Idempotent: a second run writes nothing (see private.backfill_activity()).
 */
import { withDatabase } from "./connection";

const started = performance.now();
const result = await withDatabase((client) =>
  client.query<{ referral_events: number; commission_events: number }>("select * from private.backfill_activity()"),
);
const row = result.rows[0]!;
console.log(
  `backfill: ${row.referral_events} referral.created and ${row.commission_events} commission.created events written ` +
    `in ${Math.round(performance.now() - started)} ms`,
);
