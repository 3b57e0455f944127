import "server-only";
import { recordSignInAttempt, signInWait, forgiveSignIn } from "@/lib/auth/sign-in-limits";
import { clientAddress } from "@/lib/http/client-address";

/** Wrong authenticator codes count per account and per person's address, as wrong passwords do. */
export async function codeSubject(email: string) {
  return { action: "mfa_verify" as const, email, address: await clientAddress() };
}

export function tooManyCodesMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many wrong codes. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export { recordSignInAttempt, signInWait, forgiveSignIn };
