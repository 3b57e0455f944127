import { Alert } from "@/components/ui/alert";

/** The form-level message (a refusal from the database, a lost session), above the buttons. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return <Alert tone="error">{message}</Alert>;
}
