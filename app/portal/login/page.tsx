import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { PortalSignInForm } from "@/components/auth/portal-sign-in-form";

export const metadata: Metadata = { title: "Partner portal sign-in" };

export default function PortalLoginPage() {
  return (
    <AuthCard
      title="Partner portal"
      subtitle="We'll email you a sign-in link and a 6-digit code."
      footer={
        <Link href="/login" className="font-medium text-brand-700 hover:underline">
          Staff? Sign in here
        </Link>
      }
    >
      <PortalSignInForm />
    </AuthCard>
  );
}
