import { ROLE_SUMMARIES } from "@/lib/invitations/role-summaries";
import { STAFF_ROLES } from "@/lib/orgs/roles";

/** One line per role, so an admin picks a role knowing what it allows. */
export function RoleSummaries() {
  return (
    <dl className="grid gap-x-4 gap-y-1.5 text-sm sm:grid-cols-[6rem_1fr]" aria-label="What each role may do">
      {STAFF_ROLES.map((role) => (
        <div key={role} className="contents">
          <dt className="font-medium text-slate-900">{role}</dt>
          <dd className="mb-1.5 text-slate-600 sm:mb-0">{ROLE_SUMMARIES[role]}</dd>
        </div>
      ))}
    </dl>
  );
}
