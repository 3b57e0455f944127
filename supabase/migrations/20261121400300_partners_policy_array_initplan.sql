-- The directory counts tens of thousands of partners per page view, and the partners
-- select policy is checked on every counted row. As `= any ((select helper()))` it is a
-- hashed sub-plan probed per row, which made a member's page query 1.55x the service
-- role's (npm run bench; docs/schema-findings.md F3). `= any (array(select helper()))`
-- still runs the helper once per statement (an InitPlan), and each row then only
-- compares against a one- or two-element array: about 1.25x.
alter policy "Partners are visible to staff and to their partner users" on public.partners
  using (org_id = any (array(select private.staff_org_ids())) or id = any (array(select private.granted_partner_ids())));
