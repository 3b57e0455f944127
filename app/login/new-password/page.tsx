import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { asksCurrentPassword } from "@/lib/auth/password-session";

export const metadata: Metadata = { title: "Set a new password" };

export default async function NewPasswordPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login/forgot-password");
  return (
    <AuthCard title="Choose a new password" subtitle={`For ${user.email}. Other devices will be signed out.`}>
      <NewPasswordForm askCurrent={await asksCurrentPassword()} />
    </AuthCard>
  );
}
