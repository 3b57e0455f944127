import { redirect } from "next/navigation";
import { EnrolAuthenticator } from "@/components/mfa/enrol-authenticator";
import { FactorList } from "@/components/mfa/factor-list";
import { RequirementForm } from "@/components/mfa/requirement-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getStaffContext } from "@/lib/auth/staff-context";
import { DEFAULT_ORG_FORMAT, orgFormatter } from "@/lib/format/org-format";
import { verifiedFactors } from "@/lib/mfa/factors";
import type { MfaRequirement } from "@/lib/mfa/schemas";
import { getMfaStatus } from "@/lib/mfa/status";
import { createClient } from "@/lib/supabase/server";

/** The person's authenticators, setting one up, and (admins) the organization's requirement. */
export async function SecuritySettings() {
  const user = await getCurrentUser();
  if (!user) redirect("/login?next=/admin/settings/security");
  const [status, factors, staff] = await Promise.all([
    getMfaStatus(),
    verifiedFactors(await createClient()),
    getStaffContext(),
  ]);
  const format = orgFormatter(staff?.org ?? DEFAULT_ORG_FORMAT);
  const waiting = status.memberships.filter((membership) => membership.applies && !membership.allowed);
  const suggestedName = factors.length === 0 ? "Phone" : "Backup device";

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Security</h1>
        <p className="mt-1 text-sm text-slate-500">Two-factor sign-in for {user.email}.</p>
      </div>

      {waiting.length > 0 && factors.length === 0 && (
        <Alert tone="warning">
          {waiting.map((membership) => membership.orgName).join(", ")} {waiting.length === 1 ? "requires" : "require"}{" "}
          two-factor sign-in. Set up an authenticator app below to continue.
        </Alert>
      )}

      <Card>
        <CardHeader
          title="Authenticator apps"
          description={
            factors.length === 0
              ? "Not turned on. With an authenticator app, a stolen password alone cannot open your account."
              : "You enter a code from one of these each time you sign in."
          }
        />
        {factors.length > 0 ? (
          <FactorList
            factors={factors.map((factor) => ({
              id: factor.id,
              name: factor.name,
              added: format.date(factor.createdAt),
            }))}
          />
        ) : (
          <CardBody>
            <p className="text-sm text-slate-500">No authenticator app yet.</p>
          </CardBody>
        )}
      </Card>

      {factors.length === 1 && (
        <Alert tone="info">
          Add a second authenticator (another phone, or a password manager) as your backup: if you lose this device, its
          code is your way back in.
        </Alert>
      )}

      <Card>
        <CardHeader
          title={factors.length === 0 ? "Set up an authenticator app" : "Add another authenticator"}
          description="Works with any app that shows 6-digit codes (TOTP)."
        />
        <CardBody>
          <EnrolAuthenticator suggestedName={suggestedName} />
        </CardBody>
      </Card>

      {staff?.role === "admin" && (
        <Card>
          <CardHeader
            title="Require two-factor sign-in"
            description={`For ${staff.org.name}. Each change is recorded in the audit log.`}
          />
          <CardBody>
            <RequirementForm current={staff.org.mfa_required as MfaRequirement} />
          </CardBody>
        </Card>
      )}
    </div>
  );
}
