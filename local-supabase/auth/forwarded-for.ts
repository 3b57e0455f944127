import net from "node:net";
import type { Context } from "./context";
import type { Request } from "./http";
import { verifyBearer } from "./jwt";

/**
 * The address a request is counted and recorded under. A server calling on behalf of a
 * person (the app's sign-in actions) may name them in Sb-Forwarded-For, as hosted GoTrue
 * allows, but only with the service role: from anyone else the header would be a free new
 * address per request. Everyone else is the address the gateway saw.
 */
export async function effectiveAddress(ctx: Context, request: Request): Promise<string> {
  const raw = request.headers["sb-forwarded-for"];
  const first = (Array.isArray(raw) ? raw[0] : raw)?.split(",")[0]?.trim();
  if (!first || !net.isIP(first)) return request.ip;
  try {
    const claims = await verifyBearer(ctx.settings, request);
    return claims.role === "service_role" ? first : request.ip;
  } catch {
    return request.ip;
  }
}
