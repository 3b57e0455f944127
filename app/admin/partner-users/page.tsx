import type { Metadata } from "next";
import Link from "next/link";
import { AddGrantForm } from "@/components/partner-users/add-grant-form";
import { GrantItem } from "@/components/partner-users/grant-item";
import { InvitePartnerUserForm } from "@/components/partner-users/invite-partner-user-form";
import { UserStateButton } from "@/components/partner-users/user-state-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PartnerFilterPicker } from "@/components/pickers/filter-picker";
import { Input, Select } from "@/components/ui/input";
import { getStaffContext } from "@/lib/auth/staff-context";
import { formatDate } from "@/lib/format/dates";
import { LEADS } from "@/lib/orgs/roles";
import { PARTNER_USERS_PAGE_SIZE, listPartnerUsers, type PartnerUserFilter } from "@/lib/partner-users/queries";
import { partnerOption } from "@/lib/pickers/search-partners";
import { createClient } from "@/lib/supabase/server";

export const metadata: Metadata = { title: "Partner users" };

export default async function PartnerUsersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; state?: string; partner?: string; page?: string }>;
}) {
  const staff = await getStaffContext();
  if (!staff) return null;
  if (!LEADS.includes(staff.role)) {
    return (
      <EmptyState
        title="Partner users are managed by admins and managers"
        description="Ask an admin or a manager of your organization."
      />
    );
  }
  const query = await searchParams;
  const filter: PartnerUserFilter = {
    q: query.q?.trim() || undefined,
    state: query.state === "active" || query.state === "deactivated" ? query.state : undefined,
    partnerId: query.partner && /^[0-9a-f-]{36}$/i.test(query.partner) ? query.partner : undefined,
    page: Number.isInteger(Number(query.page)) && Number(query.page) > 0 ? Number(query.page) : 1,
  };
  const supabase = await createClient();
  // The partner in the URL arrives chosen, in the filter and in the invitation, however many partners there are.
  const [{ users, total }, chosenPartner] = await Promise.all([
    listPartnerUsers(supabase, staff.org.id, filter),
    filter.partnerId ? partnerOption(supabase, staff.org.id, filter.partnerId) : Promise.resolve(null),
  ]);
  const tz = staff.org.time_zone;
  const pages = Math.max(1, Math.ceil(total / PARTNER_USERS_PAGE_SIZE));
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    if (filter.q) params.set("q", filter.q);
    if (filter.state) params.set("state", filter.state);
    if (filter.partnerId) params.set("partner", filter.partnerId);
    if (page > 1) params.set("page", String(page));
    const text = params.toString();
    return `/admin/partner-users${text ? `?${text}` : ""}`;
  };
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Partner users</h1>
        <p className="mt-1 text-sm text-slate-500">
          People at your partners who sign in to the portal, and the partners each of them may see.
        </p>
      </div>
      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="order-2 min-w-0 space-y-4 xl:order-1">
          <form
            method="get"
            className="grid gap-2 sm:grid-cols-[1fr_10rem_14rem_auto]"
            aria-label="Filter partner users"
          >
            <Input
              name="q"
              defaultValue={filter.q}
              placeholder="Search name or email"
              aria-label="Search name or email"
            />
            <Select name="state" defaultValue={filter.state ?? ""} aria-label="State">
              <option value="">Any state</option>
              <option value="active">Active</option>
              <option value="deactivated">Deactivated</option>
            </Select>
            <PartnerFilterPicker initial={chosenPartner} />
            <div className="flex gap-2">
              <Button type="submit" variant="secondary">
                Filter
              </Button>
              {(filter.q || filter.state || filter.partnerId) && (
                <Link
                  href="/admin/partner-users"
                  className="inline-flex h-10 items-center px-2 text-sm font-medium text-slate-600 hover:text-slate-900"
                >
                  Clear
                </Link>
              )}
            </div>
          </form>
          {users.length === 0 && filter.page > pages ? (
            <EmptyState
              title={`There is no page ${filter.page}`}
              description={`These filters have ${pages} page${pages === 1 ? "" : "s"} of partner users.`}
              action={
                <Link href={pageHref(pages)} className="text-sm font-medium text-brand-700 hover:underline">
                  Go to {pages === 1 ? "the first page" : `the last page (${pages})`}
                </Link>
              }
            />
          ) : users.length === 0 ? (
            <EmptyState
              title="No partner users match"
              description="Invite someone with the form, or change the filters."
            />
          ) : (
            <ul className="space-y-3">
              {users.map((user) => {
                const label = user.name ?? user.email;
                const granted = new Set(
                  user.grants.filter((grant) => grant.state !== "revoked").map((grant) => grant.partnerId),
                );
                return (
                  <li key={user.id}>
                    <Card data-testid="partner-user" aria-label={user.email}>
                      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 px-5 py-4">
                        <div className="min-w-0">
                          <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                            {label}
                            {user.isActive ? <Badge tone="green">Active</Badge> : <Badge tone="red">Deactivated</Badge>}
                          </p>
                          <p className="truncate text-sm text-slate-500">
                            {user.email} · invited {formatDate(user.createdAt, tz)}
                          </p>
                        </div>
                        <UserStateButton partnerUserId={user.id} isActive={user.isActive} label={label} />
                      </div>
                      <CardBody className="py-1">
                        {user.grants.length === 0 ? (
                          <p className="py-3 text-sm text-slate-500">No grants yet.</p>
                        ) : (
                          <ul className="divide-y divide-slate-100">
                            {user.grants.map((grant) => (
                              <GrantItem
                                key={grant.id}
                                grant={grant}
                                title={grant.partnerName}
                                state={grant.state}
                                canManage
                                timeZone={tz}
                              />
                            ))}
                          </ul>
                        )}
                        <div className="pt-1 pb-3">
                          <AddGrantForm
                            partnerUserId={user.id}
                            exclude={[...granted]}
                            choiceLabel="Partner"
                            timeZone={tz}
                          />
                        </div>
                      </CardBody>
                    </Card>
                  </li>
                );
              })}
            </ul>
          )}
          {pages > 1 && (
            <nav aria-label="Pages" className="flex items-center justify-between text-sm text-slate-600">
              <span>
                {total} partner user{total === 1 ? "" : "s"} · page {Math.min(filter.page, pages)} of {pages}
              </span>
              <span className="flex gap-2">
                {filter.page > 1 && (
                  <Link
                    className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
                    href={pageHref(Math.min(filter.page - 1, pages))}
                  >
                    Previous
                  </Link>
                )}
                {filter.page < pages && (
                  <Link
                    className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
                    href={pageHref(filter.page + 1)}
                  >
                    Next
                  </Link>
                )}
              </span>
            </nav>
          )}
        </div>
        <Card className="order-1 xl:sticky xl:top-20 xl:order-2">
          <CardHeader
            title="Invite a partner user"
            description="They get an email with a sign-in link to the portal."
          />
          <CardBody>
            <InvitePartnerUserForm defaultPartner={chosenPartner} timeZone={tz} />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
