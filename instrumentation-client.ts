import { z } from "zod";

// zod compiles object parsers with `new Function` when it may, and probes for that once;
// under our CSP (no 'unsafe-eval') the probe fails quietly but still reports a violation.
// Its interpreter is plenty fast for forms, so the browser never tries.
z.config({ jitless: true });
