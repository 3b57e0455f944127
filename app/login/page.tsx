import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { StaffSignInForm } from "@/components/auth/staff-sign-in-form";
import { safeNextPath } from "@/lib/http/safe-next-path";

export const metadata: Metadata = { title: "Staff sign-in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  return (
    <AuthCard
      title="Sign in to Partnerdesk"
      subtitle="For your company's partner team."
      footer={
        <>
          <Link href="/login/forgot-password" className="font-medium text-brand-700 hover:underline">
            Forgot your password?
          </Link>
          <span className="mx-2" aria-hidden>
            ·
          </span>
          <Link href="/portal/login" className="font-medium text-brand-700 hover:underline">
            Partner? Sign in to the portal
          </Link>
        </>
      }
    >
      {/* The action checks `next` again: it is a public endpoint that anyone can call with any value. */}
      <StaffSignInForm next={safeNextPath(typeof next === "string" ? next : undefined, undefined)} />
    </AuthCard>
  );
}
