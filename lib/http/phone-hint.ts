import "server-only";
import { headers } from "next/headers";
import { isPhoneRequest } from "./phone-request";

/** isPhoneRequest for the request being rendered. */
export async function looksLikePhone(): Promise<boolean> {
  return isPhoneRequest(await headers());
}
