-- A grant's scope decides which portal sections a partner user sees (DESIGN.md: "only
-- sections in the grant's scope"). The timeline is one section, but its referral,
-- commission and document events carry those sections' details (client names, values,
-- amounts, document titles). With the activity scope alone, they leaked through it
-- (docs/schema-findings.md F5). A partner user now sees such an event only when the grant
-- also includes the section the event is about. Staff see every event, as before.
--
-- Each helper call stays wrapped in a select, so it runs once per statement, never per row.

drop policy "Activity is visible to staff, partner-visible events to partner users with the activity scope"
  on public.partner_activity_log;

create policy "Activity is visible to staff and, by scope, to partner users"
  on public.partner_activity_log for select to authenticated
  using (
    org_id = any ((select private.staff_org_ids()))
    or (
      partner_visible
      and partner_id = any ((select private.granted_partner_ids('activity')))
      and case source_table
            when 'partner_referrals' then partner_id = any ((select private.granted_partner_ids('referrals')))
            when 'partner_commissions' then partner_id = any ((select private.granted_partner_ids('commissions')))
            when 'partner_documents' then partner_id = any ((select private.granted_partner_ids('documents')))
            when 'partner_training' then partner_id = any ((select private.granted_partner_ids('training')))
            else true
          end
    )
  );
