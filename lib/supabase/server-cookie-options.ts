import "server-only";
import { headers } from "next/headers";
import { isHttpsRequest } from "@/lib/http/request-origin";
import { authCookieOptions } from "./cookie-options";

/** The auth cookies' options for the request being served (Secure when it came over https). */
export async function requestCookieOptions() {
  return authCookieOptions(isHttpsRequest(await headers()));
}
