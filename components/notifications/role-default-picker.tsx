import Link from "next/link";
import { NOTIFICATION_ROLES, NOTIFICATION_ROLE_PLURALS, type NotificationRole } from "@/lib/notifications/roles";
import { cn } from "@/lib/utils/cn";

const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/**
 * Whose defaults the page shows: everyone, or one role. Links, so the choice is in the URL, the
 * browser's back works and each is reached with Tab and Enter.
 */
export function RoleDefaultPicker({ path, current }: { path: string; current: NotificationRole | null }) {
  const choices: { role: NotificationRole | null; label: string }[] = [
    { role: null, label: "Everyone" },
    ...NOTIFICATION_ROLES.map((role) => ({ role, label: capitalised(NOTIFICATION_ROLE_PLURALS[role]) })),
  ];
  return (
    <nav aria-label="Defaults for" className="flex flex-wrap gap-2 px-5 py-4">
      {choices.map(({ role, label }) => {
        const active = role === current;
        return (
          <Link
            key={role ?? "everyone"}
            href={role ? `${path}?role=${role}` : path}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded-full border px-3 py-1.5 text-sm font-medium focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none",
              active
                ? "border-brand-600 bg-brand-600 text-white"
                : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
            )}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
