import { z } from "zod";

/** A query string as route wrappers hand it over: one value as a string, a repeated key as an array. */
export const queryParamsSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
