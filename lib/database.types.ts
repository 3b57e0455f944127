export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  
  "public": {
          Tables: {
            "audit_log": {
                  Row: {
                    "action": string,"actor_id": string | null,"actor_type": string,"after": Json | null,"before": Json | null,"created_at": string,"id": string,"ip": string | null,"metadata": NonNullable<Json>,"org_id": string | null,"partner_id": string | null,"resource_id": string | null,"resource_type": string,"user_agent": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "action": string,"actor_id"?: string | null,"actor_type": string,"after"?: Json | null,"before"?: Json | null,"created_at"?: string,"id"?: string,"ip"?: string | null,"metadata"?: NonNullable<Json>,"org_id"?: string | null,"partner_id"?: string | null,"resource_id"?: string | null,"resource_type": string,"user_agent"?: string | null
                  }
                  Update: {
                    "action"?: string,"actor_id"?: string | null,"actor_type"?: string,"after"?: Json | null,"before"?: Json | null,"created_at"?: string,"id"?: string,"ip"?: string | null,"metadata"?: NonNullable<Json>,"org_id"?: string | null,"partner_id"?: string | null,"resource_id"?: string | null,"resource_type"?: string,"user_agent"?: string | null
                  }
                  Relationships: [
                    
                  ]
                },"notification_digest_hours": {
                  Row: {
                    "created_at": string,"hour": number,"id": string,"org_id": string,"updated_at": string,"user_id": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"hour": number,"id"?: string,"org_id": string,"updated_at"?: string,"user_id"?: string | null
                  }
                  Update: {
                    "created_at"?: string,"hour"?: number,"id"?: string,"org_id"?: string,"updated_at"?: string,"user_id"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "notification_digest_hours_org_id_fkey"
      columns: ["org_id"]
isOneToOne: false
      referencedRelation: "organizations"
      referencedColumns: ["id"]
    }
                  ]
                },"notification_preferences": {
                  Row: {
                    "created_at": string,"delivery": string,"event_type": string,"id": string,"org_id": string,"role": string | null,"updated_at": string,"user_id": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"delivery": string,"event_type": string,"id"?: string,"org_id": string,"role"?: string | null,"updated_at"?: string,"user_id"?: string | null
                  }
                  Update: {
                    "created_at"?: string,"delivery"?: string,"event_type"?: string,"id"?: string,"org_id"?: string,"role"?: string | null,"updated_at"?: string,"user_id"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "notification_preferences_org_id_fkey"
      columns: ["org_id"]
isOneToOne: false
      referencedRelation: "organizations"
      referencedColumns: ["id"]
    }
                  ]
                },"notifications": {
                  Row: {
                    "audience": string,"batch_key": string,"created_at": string,"event_count": number,"event_type": string,"first_event_id": number,"id": string,"occurred_at": string,"org_id": string,"partner_id": string | null,"payload": NonNullable<Json>,"read_at": string | null,"shown_in_app": boolean,"source_id": string | null,"source_table": string | null,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "audience": string,"batch_key": string,"created_at"?: string,"event_count"?: number,"event_type": string,"first_event_id": number,"id"?: string,"occurred_at"?: string,"org_id": string,"partner_id"?: string | null,"payload"?: NonNullable<Json>,"read_at"?: string | null,"shown_in_app"?: boolean,"source_id"?: string | null,"source_table"?: string | null,"updated_at"?: string,"user_id": string
                  }
                  Update: {
                    "audience"?: string,"batch_key"?: string,"created_at"?: string,"event_count"?: number,"event_type"?: string,"first_event_id"?: number,"id"?: string,"occurred_at"?: string,"org_id"?: string,"partner_id"?: string | null,"payload"?: NonNullable<Json>,"read_at"?: string | null,"shown_in_app"?: boolean,"source_id"?: string | null,"source_table"?: string | null,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "notifications_org_id_fkey"
      columns: ["org_id"]
isOneToOne: false
      referencedRelation: "organizations"
      referencedColumns: ["id"]
    }
                  ]
                },"org_invitations": {
                  Row: {
                    "accepted_at": string | null,"accepted_by": string | null,"created_at": string,"created_user_id": string | null,"email": string,"expires_at": string,"id": string,"invited_by": string | null,"org_id": string,"revoked_at": string | null,"revoked_by": string | null,"role": string,"sent_at": string,"token_hash": string | null,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "accepted_at"?: string | null,"accepted_by"?: string | null,"created_at"?: string,"created_user_id"?: string | null,"email": string,"expires_at": string,"id"?: string,"invited_by"?: string | null,"org_id": string,"revoked_at"?: string | null,"revoked_by"?: string | null,"role": string,"sent_at"?: string,"token_hash"?: string | null,"updated_at"?: string
                  }
                  Update: {
                    "accepted_at"?: string | null,"accepted_by"?: string | null,"created_at"?: string,"created_user_id"?: string | null,"email"?: string,"expires_at"?: string,"id"?: string,"invited_by"?: string | null,"org_id"?: string,"revoked_at"?: string | null,"revoked_by"?: string | null,"role"?: string,"sent_at"?: string,"token_hash"?: string | null,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "org_invitations_org_id_fkey"
      columns: ["org_id"]
isOneToOne: false
      referencedRelation: "organizations"
      referencedColumns: ["id"]
    }
                  ]
                },"org_members": {
                  Row: {
                    "created_at": string,"created_by": string | null,"org_id": string,"role": string,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"created_by"?: string | null,"org_id": string,"role": string,"updated_at"?: string,"user_id": string
                  }
                  Update: {
                    "created_at"?: string,"created_by"?: string | null,"org_id"?: string,"role"?: string,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "org_members_org_id_fkey"
      columns: ["org_id"]
isOneToOne: false
      referencedRelation: "organizations"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "org_members_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"organization_day_counts": {
                  Row: {
                    "days": number,"measure": string,"month": string,"n": number,"org_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "days": number,"measure": string,"month": string,"n"?: number,"org_id": string
                  }
                  Update: {
                    "days"?: number,"measure"?: string,"month"?: string,"n"?: number,"org_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "organization_day_counts_org_id_fkey"
      columns: ["org_id"]
isOneToOne: false
      referencedRelation: "organizations"
      referencedColumns: ["id"]
    }
                  ]
                },"organization_due_days": {
                  Row: {
                    "commissions": number,"day": string,"org_id": string,"paid_on_time": boolean
                  }
                  ComputedFields: never
                  Insert: {
                    "commissions"?: number,"day": string,"org_id": string,"paid_on_time": boolean
                  }
                  Update: {
                    "commissions"?: number,"day"?: string,"org_id"?: string,"paid_on_time"?: boolean
                  }
                  Relationships: [
                    {
      foreignKeyName: "organization_due_days_org_id_fkey"
      columns: ["org_id"]
isOneToOne: false
      referencedRelation: "organizations"
      referencedColumns: ["id"]
    }
                  ]
                },"organizations": {
                  Row: {
                    "created_at": string,"created_by": string | null,"currency": string,"id": string,"locale": string,"mfa_required": string,"name": string,"slug": string,"time_zone": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"created_by"?: string | null,"currency"?: string,"id"?: string,"locale": string,"mfa_required"?: string,"name": string,"slug": string,"time_zone"?: string,"updated_at"?: string
                  }
                  Update: {
                    "created_at"?: string,"created_by"?: string | null,"currency"?: string,"id"?: string,"locale"?: string,"mfa_required"?: string,"name"?: string,"slug"?: string,"time_zone"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    
                  ]
                },"partner_access": {
                  Row: {
                    "created_at": string,"ends_at": string | null,"granted_at": string,"granted_by": string | null,"id": string,"org_id": string,"partner_id": string,"partner_user_id": string,"revoked_at": string | null,"revoked_by": string | null,"scope": (string)[],"starts_at": string | null,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"ends_at"?: string | null,"granted_at"?: string,"granted_by"?: string | null,"id"?: string,"org_id": string,"partner_id": string,"partner_user_id": string,"revoked_at"?: string | null,"revoked_by"?: string | null,"scope"?: (string)[],"starts_at"?: string | null,"updated_at"?: string
                  }
                  Update: {
                    "created_at"?: string,"ends_at"?: string | null,"granted_at"?: string,"granted_by"?: string | null,"id"?: string,"org_id"?: string,"partner_id"?: string,"partner_user_id"?: string,"revoked_at"?: string | null,"revoked_by"?: string | null,"scope"?: (string)[],"starts_at"?: string | null,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_access_partner_id_org_id_fkey"
      columns: ["partner_id","org_id"]
isOneToOne: false
      referencedRelation: "partners"
      referencedColumns: ["id","org_id"]
    },{
      foreignKeyName: "partner_access_partner_user_id_org_id_fkey"
      columns: ["partner_user_id","org_id"]
isOneToOne: false
      referencedRelation: "partner_users"
      referencedColumns: ["id","org_id"]
    }
                  ]
                },"partner_activity_log": {
                  Row: {
                    "actor_id": string | null,"created_at": string,"event_type": string,"id": string,"occurred_at": string,"org_id": string,"partner_id": string,"partner_visible": boolean,"payload": NonNullable<Json>,"source_id": string | null,"source_table": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "actor_id"?: string | null,"created_at"?: string,"event_type": string,"id"?: string,"occurred_at"?: string,"org_id": string,"partner_id": string,"partner_visible"?: boolean,"payload"?: NonNullable<Json>,"source_id"?: string | null,"source_table"?: string | null
                  }
                  Update: {
                    "actor_id"?: string | null,"created_at"?: string,"event_type"?: string,"id"?: string,"occurred_at"?: string,"org_id"?: string,"partner_id"?: string,"partner_visible"?: boolean,"payload"?: NonNullable<Json>,"source_id"?: string | null,"source_table"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_activity_log_partner_id_org_id_fkey"
      columns: ["partner_id","org_id"]
isOneToOne: false
      referencedRelation: "partners"
      referencedColumns: ["id","org_id"]
    }
                  ]
                },"partner_commissions": {
                  Row: {
                    "amount": number,"approved_at": string | null,"created_at": string,"created_by": string | null,"currency": string,"description": string | null,"due_at": string | null,"earned_at": string,"id": string,"org_id": string,"paid_at": string | null,"partner_id": string,"referral_id": string | null,"status": string,"updated_at": string,"voided_at": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "amount": number,"approved_at"?: string | null,"created_at"?: string,"created_by"?: string | null,"currency": string,"description"?: string | null,"due_at"?: string | null,"earned_at"?: string,"id"?: string,"org_id": string,"paid_at"?: string | null,"partner_id": string,"referral_id"?: string | null,"status"?: string,"updated_at"?: string,"voided_at"?: string | null
                  }
                  Update: {
                    "amount"?: number,"approved_at"?: string | null,"created_at"?: string,"created_by"?: string | null,"currency"?: string,"description"?: string | null,"due_at"?: string | null,"earned_at"?: string,"id"?: string,"org_id"?: string,"paid_at"?: string | null,"partner_id"?: string,"referral_id"?: string | null,"status"?: string,"updated_at"?: string,"voided_at"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_commissions_partner_id_org_id_fkey"
      columns: ["partner_id","org_id"]
isOneToOne: false
      referencedRelation: "partners"
      referencedColumns: ["id","org_id"]
    },{
      foreignKeyName: "partner_commissions_referral_id_partner_id_fkey"
      columns: ["referral_id","partner_id"]
isOneToOne: false
      referencedRelation: "partner_referrals"
      referencedColumns: ["id","partner_id"]
    }
                  ]
                },"partner_day_counts": {
                  Row: {
                    "days": number,"id": string,"measure": string,"month": string,"n": number,"org_id": string,"owner_id": string | null,"region": string | null,"status": string,"tier": string
                  }
                  ComputedFields: never
                  Insert: {
                    "days": number,"id"?: string,"measure": string,"month": string,"n"?: number,"org_id": string,"owner_id"?: string | null,"region"?: string | null,"status": string,"tier": string
                  }
                  Update: {
                    "days"?: number,"id"?: string,"measure"?: string,"month"?: string,"n"?: number,"org_id"?: string,"owner_id"?: string | null,"region"?: string | null,"status"?: string,"tier"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_day_counts_org_id_fkey"
      columns: ["org_id"]
isOneToOne: false
      referencedRelation: "organizations"
      referencedColumns: ["id"]
    }
                  ]
                },"partner_documents": {
                  Row: {
                    "created_at": string,"created_by": string | null,"document_type": string,"id": string,"org_id": string,"owner_id": string | null,"partner_id": string,"tags": (string)[],"title": string,"updated_at": string,"url": string,"visibility": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"created_by"?: string | null,"document_type"?: string,"id"?: string,"org_id": string,"owner_id"?: string | null,"partner_id": string,"tags"?: (string)[],"title": string,"updated_at"?: string,"url": string,"visibility"?: string
                  }
                  Update: {
                    "created_at"?: string,"created_by"?: string | null,"document_type"?: string,"id"?: string,"org_id"?: string,"owner_id"?: string | null,"partner_id"?: string,"tags"?: (string)[],"title"?: string,"updated_at"?: string,"url"?: string,"visibility"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_documents_owner_id_fkey"
      columns: ["owner_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "partner_documents_partner_id_org_id_fkey"
      columns: ["partner_id","org_id"]
isOneToOne: false
      referencedRelation: "partners"
      referencedColumns: ["id","org_id"]
    }
                  ]
                },"partner_last_referral_days": {
                  Row: {
                    "day": string,"org_id": string,"partners": number
                  }
                  ComputedFields: never
                  Insert: {
                    "day": string,"org_id": string,"partners"?: number
                  }
                  Update: {
                    "day"?: string,"org_id"?: string,"partners"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_last_referral_days_org_id_fkey"
      columns: ["org_id"]
isOneToOne: false
      referencedRelation: "organizations"
      referencedColumns: ["id"]
    }
                  ]
                },"partner_last_referrals": {
                  Row: {
                    "last_referred_at": string,"org_id": string,"partner_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "last_referred_at": string,"org_id": string,"partner_id": string
                  }
                  Update: {
                    "last_referred_at"?: string,"org_id"?: string,"partner_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_last_referrals_org_id_fkey"
      columns: ["org_id"]
isOneToOne: false
      referencedRelation: "organizations"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "partner_last_referrals_partner_id_fkey"
      columns: ["partner_id"]
isOneToOne: true
      referencedRelation: "partners"
      referencedColumns: ["id"]
    }
                  ]
                },"partner_metric_buckets": {
                  Row: {
                    "archived": boolean,"id": string,"org_id": string,"owed_commission": number,"owner_id": string | null,"partners": number,"pipeline_value": number,"region": string | null,"status": string,"tier": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "archived": boolean,"id"?: string,"org_id": string,"owed_commission"?: number,"owner_id"?: string | null,"partners"?: number,"pipeline_value"?: number,"region"?: string | null,"status": string,"tier": string,"updated_at"?: string
                  }
                  Update: {
                    "archived"?: boolean,"id"?: string,"org_id"?: string,"owed_commission"?: number,"owner_id"?: string | null,"partners"?: number,"pipeline_value"?: number,"region"?: string | null,"status"?: string,"tier"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_metric_buckets_org_id_fkey"
      columns: ["org_id"]
isOneToOne: false
      referencedRelation: "organizations"
      referencedColumns: ["id"]
    }
                  ]
                },"partner_month_buckets": {
                  Row: {
                    "closed_value": number,"commission_approved": number,"commission_earned": number,"commission_paid": number,"commission_recorded": number,"commission_settled": number,"id": string,"lost_estimated_value": number,"month": string,"org_id": string,"owner_id": string | null,"partners_created": number,"reached_in_progress": number,"reached_in_progress_value": number,"reached_qualified": number,"reached_qualified_value": number,"referrals_lost": number,"referrals_now_lost": number,"referrals_now_won": number,"referrals_submitted": number,"referrals_won": number,"region": string | null,"status": string,"submitted_value": number,"tier": string,"won_estimated_value": number,"won_value": number
                  }
                  ComputedFields: never
                  Insert: {
                    "closed_value"?: number,"commission_approved"?: number,"commission_earned"?: number,"commission_paid"?: number,"commission_recorded"?: number,"commission_settled"?: number,"id"?: string,"lost_estimated_value"?: number,"month": string,"org_id": string,"owner_id"?: string | null,"partners_created"?: number,"reached_in_progress"?: number,"reached_in_progress_value"?: number,"reached_qualified"?: number,"reached_qualified_value"?: number,"referrals_lost"?: number,"referrals_now_lost"?: number,"referrals_now_won"?: number,"referrals_submitted"?: number,"referrals_won"?: number,"region"?: string | null,"status": string,"submitted_value"?: number,"tier": string,"won_estimated_value"?: number,"won_value"?: number
                  }
                  Update: {
                    "closed_value"?: number,"commission_approved"?: number,"commission_earned"?: number,"commission_paid"?: number,"commission_recorded"?: number,"commission_settled"?: number,"id"?: string,"lost_estimated_value"?: number,"month"?: string,"org_id"?: string,"owner_id"?: string | null,"partners_created"?: number,"reached_in_progress"?: number,"reached_in_progress_value"?: number,"reached_qualified"?: number,"reached_qualified_value"?: number,"referrals_lost"?: number,"referrals_now_lost"?: number,"referrals_now_won"?: number,"referrals_submitted"?: number,"referrals_won"?: number,"region"?: string | null,"status"?: string,"submitted_value"?: number,"tier"?: string,"won_estimated_value"?: number,"won_value"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_month_buckets_org_id_fkey"
      columns: ["org_id"]
isOneToOne: false
      referencedRelation: "organizations"
      referencedColumns: ["id"]
    }
                  ]
                },"partner_monthly_rollups": {
                  Row: {
                    "closed_value": number,"commission_approved": number,"commission_earned": number,"commission_paid": number,"commission_recorded": number,"commission_settled": number,"lost_estimated_value": number,"month": string,"org_id": string,"partner_id": string,"reached_in_progress": number,"reached_in_progress_value": number,"reached_qualified": number,"reached_qualified_value": number,"referrals_lost": number,"referrals_now_lost": number,"referrals_now_won": number,"referrals_submitted": number,"referrals_won": number,"submitted_value": number,"won_estimated_value": number,"won_value": number
                  }
                  ComputedFields: never
                  Insert: {
                    "closed_value"?: number,"commission_approved"?: number,"commission_earned"?: number,"commission_paid"?: number,"commission_recorded"?: number,"commission_settled"?: number,"lost_estimated_value"?: number,"month": string,"org_id": string,"partner_id": string,"reached_in_progress"?: number,"reached_in_progress_value"?: number,"reached_qualified"?: number,"reached_qualified_value"?: number,"referrals_lost"?: number,"referrals_now_lost"?: number,"referrals_now_won"?: number,"referrals_submitted"?: number,"referrals_won"?: number,"submitted_value"?: number,"won_estimated_value"?: number,"won_value"?: number
                  }
                  Update: {
                    "closed_value"?: number,"commission_approved"?: number,"commission_earned"?: number,"commission_paid"?: number,"commission_recorded"?: number,"commission_settled"?: number,"lost_estimated_value"?: number,"month"?: string,"org_id"?: string,"partner_id"?: string,"reached_in_progress"?: number,"reached_in_progress_value"?: number,"reached_qualified"?: number,"reached_qualified_value"?: number,"referrals_lost"?: number,"referrals_now_lost"?: number,"referrals_now_won"?: number,"referrals_submitted"?: number,"referrals_won"?: number,"submitted_value"?: number,"won_estimated_value"?: number,"won_value"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_monthly_rollups_org_id_fkey"
      columns: ["org_id"]
isOneToOne: false
      referencedRelation: "organizations"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "partner_monthly_rollups_partner_id_fkey"
      columns: ["partner_id"]
isOneToOne: false
      referencedRelation: "partners"
      referencedColumns: ["id"]
    }
                  ]
                },"partner_notes": {
                  Row: {
                    "author_id": string | null,"body": string,"created_at": string,"id": string,"org_id": string,"partner_id": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "author_id"?: string | null,"body": string,"created_at"?: string,"id"?: string,"org_id": string,"partner_id": string,"updated_at"?: string
                  }
                  Update: {
                    "author_id"?: string | null,"body"?: string,"created_at"?: string,"id"?: string,"org_id"?: string,"partner_id"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_notes_author_id_fkey"
      columns: ["author_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "partner_notes_partner_id_org_id_fkey"
      columns: ["partner_id","org_id"]
isOneToOne: false
      referencedRelation: "partners"
      referencedColumns: ["id","org_id"]
    }
                  ]
                },"partner_open_task_days": {
                  Row: {
                    "due_date": string,"org_id": string,"tasks": number
                  }
                  ComputedFields: never
                  Insert: {
                    "due_date": string,"org_id": string,"tasks"?: number
                  }
                  Update: {
                    "due_date"?: string,"org_id"?: string,"tasks"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_open_task_days_org_id_fkey"
      columns: ["org_id"]
isOneToOne: false
      referencedRelation: "organizations"
      referencedColumns: ["id"]
    }
                  ]
                },"partner_referrals": {
                  Row: {
                    "actual_value": number | null,"client_email": string | null,"client_name": string,"closed_at": string | null,"created_at": string,"created_by": string | null,"estimated_value": number | null,"id": string,"in_progress_at": string | null,"org_id": string,"partner_id": string,"qualified_at": string | null,"referred_at": string,"status": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "actual_value"?: number | null,"client_email"?: string | null,"client_name": string,"closed_at"?: string | null,"created_at"?: string,"created_by"?: string | null,"estimated_value"?: number | null,"id"?: string,"in_progress_at"?: string | null,"org_id": string,"partner_id": string,"qualified_at"?: string | null,"referred_at"?: string,"status"?: string,"updated_at"?: string
                  }
                  Update: {
                    "actual_value"?: number | null,"client_email"?: string | null,"client_name"?: string,"closed_at"?: string | null,"created_at"?: string,"created_by"?: string | null,"estimated_value"?: number | null,"id"?: string,"in_progress_at"?: string | null,"org_id"?: string,"partner_id"?: string,"qualified_at"?: string | null,"referred_at"?: string,"status"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_referrals_partner_id_org_id_fkey"
      columns: ["partner_id","org_id"]
isOneToOne: false
      referencedRelation: "partners"
      referencedColumns: ["id","org_id"]
    }
                  ]
                },"partner_resources": {
                  Row: {
                    "created_at": string,"created_by": string | null,"description": string | null,"id": string,"kind": string,"min_tier": string,"org_id": string,"title": string,"updated_at": string,"url": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"created_by"?: string | null,"description"?: string | null,"id"?: string,"kind"?: string,"min_tier"?: string,"org_id": string,"title": string,"updated_at"?: string,"url": string
                  }
                  Update: {
                    "created_at"?: string,"created_by"?: string | null,"description"?: string | null,"id"?: string,"kind"?: string,"min_tier"?: string,"org_id"?: string,"title"?: string,"updated_at"?: string,"url"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_resources_org_id_fkey"
      columns: ["org_id"]
isOneToOne: false
      referencedRelation: "organizations"
      referencedColumns: ["id"]
    }
                  ]
                },"partner_stats": {
                  Row: {
                    "commission_earned": number,"commission_owed": number,"commission_paid": number,"open_tasks": number,"org_id": string,"overdue_tasks": number,"partner_id": string,"pipeline_value": number,"referrals_in_progress": number,"referrals_lost": number,"referrals_qualified": number,"referrals_submitted": number,"referrals_won": number,"updated_at": string,"won_value": number
                  }
                  ComputedFields: never
                  Insert: {
                    "commission_earned"?: number,"commission_owed"?: number,"commission_paid"?: number,"open_tasks"?: number,"org_id": string,"overdue_tasks"?: number,"partner_id": string,"pipeline_value"?: number,"referrals_in_progress"?: number,"referrals_lost"?: number,"referrals_qualified"?: number,"referrals_submitted"?: number,"referrals_won"?: number,"updated_at"?: string,"won_value"?: number
                  }
                  Update: {
                    "commission_earned"?: number,"commission_owed"?: number,"commission_paid"?: number,"open_tasks"?: number,"org_id"?: string,"overdue_tasks"?: number,"partner_id"?: string,"pipeline_value"?: number,"referrals_in_progress"?: number,"referrals_lost"?: number,"referrals_qualified"?: number,"referrals_submitted"?: number,"referrals_won"?: number,"updated_at"?: string,"won_value"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_stats_partner_id_fkey"
      columns: ["partner_id"]
isOneToOne: true
      referencedRelation: "partners"
      referencedColumns: ["id"]
    }
                  ]
                },"partner_tasks": {
                  Row: {
                    "assignee_id": string | null,"completed_at": string | null,"created_at": string,"created_by": string | null,"description": string | null,"due_date": string | null,"id": string,"org_id": string,"partner_id": string,"priority": string,"status": string,"title": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "assignee_id"?: string | null,"completed_at"?: string | null,"created_at"?: string,"created_by"?: string | null,"description"?: string | null,"due_date"?: string | null,"id"?: string,"org_id": string,"partner_id": string,"priority"?: string,"status"?: string,"title": string,"updated_at"?: string
                  }
                  Update: {
                    "assignee_id"?: string | null,"completed_at"?: string | null,"created_at"?: string,"created_by"?: string | null,"description"?: string | null,"due_date"?: string | null,"id"?: string,"org_id"?: string,"partner_id"?: string,"priority"?: string,"status"?: string,"title"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_tasks_assignee_id_fkey"
      columns: ["assignee_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "partner_tasks_partner_id_org_id_fkey"
      columns: ["partner_id","org_id"]
isOneToOne: false
      referencedRelation: "partners"
      referencedColumns: ["id","org_id"]
    }
                  ]
                },"partner_training": {
                  Row: {
                    "completed_on": string | null,"created_at": string,"created_by": string | null,"expires_on": string | null,"id": string,"kind": string,"name": string,"org_id": string,"partner_id": string,"status": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "completed_on"?: string | null,"created_at"?: string,"created_by"?: string | null,"expires_on"?: string | null,"id"?: string,"kind"?: string,"name": string,"org_id": string,"partner_id": string,"status"?: string,"updated_at"?: string
                  }
                  Update: {
                    "completed_on"?: string | null,"created_at"?: string,"created_by"?: string | null,"expires_on"?: string | null,"id"?: string,"kind"?: string,"name"?: string,"org_id"?: string,"partner_id"?: string,"status"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_training_partner_id_org_id_fkey"
      columns: ["partner_id","org_id"]
isOneToOne: false
      referencedRelation: "partners"
      referencedColumns: ["id","org_id"]
    }
                  ]
                },"partner_users": {
                  Row: {
                    "created_at": string,"created_by": string | null,"deactivated_at": string | null,"email": string,"id": string,"is_active": boolean,"name": string | null,"org_id": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"created_by"?: string | null,"deactivated_at"?: string | null,"email": string,"id": string,"is_active"?: boolean,"name"?: string | null,"org_id": string,"updated_at"?: string
                  }
                  Update: {
                    "created_at"?: string,"created_by"?: string | null,"deactivated_at"?: string | null,"email"?: string,"id"?: string,"is_active"?: boolean,"name"?: string | null,"org_id"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_users_id_fkey"
      columns: ["id"]
isOneToOne: true
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "partner_users_org_id_fkey"
      columns: ["org_id"]
isOneToOne: false
      referencedRelation: "organizations"
      referencedColumns: ["id"]
    }
                  ]
                },"partner_window_starts": {
                  Row: {
                    "kept_at": string,"org_id": string,"partners_submitting": number,"partners_winning": number,"window_start": string
                  }
                  ComputedFields: never
                  Insert: {
                    "kept_at"?: string,"org_id": string,"partners_submitting"?: number,"partners_winning"?: number,"window_start": string
                  }
                  Update: {
                    "kept_at"?: string,"org_id"?: string,"partners_submitting"?: number,"partners_winning"?: number,"window_start"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_window_starts_org_id_fkey"
      columns: ["org_id"]
isOneToOne: false
      referencedRelation: "organizations"
      referencedColumns: ["id"]
    }
                  ]
                },"partner_window_totals": {
                  Row: {
                    "org_id": string,"partner_id": string,"referrals_submitted": number,"referrals_won": number,"window_start": string,"won_value": number
                  }
                  ComputedFields: never
                  Insert: {
                    "org_id": string,"partner_id": string,"referrals_submitted"?: number,"referrals_won"?: number,"window_start": string,"won_value"?: number
                  }
                  Update: {
                    "org_id"?: string,"partner_id"?: string,"referrals_submitted"?: number,"referrals_won"?: number,"window_start"?: string,"won_value"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "partner_window_totals_partner_id_fkey"
      columns: ["partner_id"]
isOneToOne: false
      referencedRelation: "partners"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "partner_window_totals_window_fkey"
      columns: ["org_id","window_start"]
isOneToOne: false
      referencedRelation: "partner_window_starts"
      referencedColumns: ["org_id","window_start"]
    }
                  ]
                },"partners": {
                  Row: {
                    "archived_at": string | null,"commission_rate": number | null,"created_at": string,"created_by": string | null,"external_id": string | null,"id": string,"name": string,"org_id": string,"owner_id": string | null,"primary_contact_email": string | null,"primary_contact_name": string | null,"region": string | null,"status": string,"status_rank": number | null,"tags": (string)[],"tier": string,"tier_rank": number | null,"updated_at": string,"website": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "archived_at"?: string | null,"commission_rate"?: number | null,"created_at"?: string,"created_by"?: string | null,"external_id"?: string | null,"id"?: string,"name": string,"org_id": string,"owner_id"?: string | null,"primary_contact_email"?: string | null,"primary_contact_name"?: string | null,"region"?: string | null,"status"?: string,"status_rank"?: never,"tags"?: (string)[],"tier"?: string,"tier_rank"?: never,"updated_at"?: string,"website"?: string | null
                  }
                  Update: {
                    "archived_at"?: string | null,"commission_rate"?: number | null,"created_at"?: string,"created_by"?: string | null,"external_id"?: string | null,"id"?: string,"name"?: string,"org_id"?: string,"owner_id"?: string | null,"primary_contact_email"?: string | null,"primary_contact_name"?: string | null,"region"?: string | null,"status"?: string,"status_rank"?: never,"tags"?: (string)[],"tier"?: string,"tier_rank"?: never,"updated_at"?: string,"website"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "partners_org_id_fkey"
      columns: ["org_id"]
isOneToOne: false
      referencedRelation: "organizations"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "partners_owner_id_fkey"
      columns: ["owner_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"profiles": {
                  Row: {
                    "avatar_url": string | null,"created_at": string,"display_name": string | null,"email": string | null,"id": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "avatar_url"?: string | null,"created_at"?: string,"display_name"?: string | null,"email"?: string | null,"id": string,"updated_at"?: string
                  }
                  Update: {
                    "avatar_url"?: string | null,"created_at"?: string,"display_name"?: string | null,"email"?: string | null,"id"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    
                  ]
                },"user_preferences": {
                  Row: {
                    "created_at": string,"partner_directory_layout": NonNullable<Json>,"settings": NonNullable<Json>,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"partner_directory_layout"?: NonNullable<Json>,"settings"?: NonNullable<Json>,"updated_at"?: string,"user_id": string
                  }
                  Update: {
                    "created_at"?: string,"partner_directory_layout"?: NonNullable<Json>,"settings"?: NonNullable<Json>,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    
                  ]
                },"webhook_deliveries": {
                  Row: {
                    "attempts": number,"body": NonNullable<Json>,"created_at": string,"delivered_at": string | null,"endpoint_id": string,"event_type": string,"id": string,"last_attempt_at": string | null,"last_duration_ms": number | null,"last_error": string | null,"last_status_code": number | null,"locked_until": string | null,"next_attempt_at": string,"org_id": string,"outbox_event_id": number | null,"status": string
                  }
                  ComputedFields: never
                  Insert: {
                    "attempts"?: number,"body": NonNullable<Json>,"created_at"?: string,"delivered_at"?: string | null,"endpoint_id": string,"event_type": string,"id"?: string,"last_attempt_at"?: string | null,"last_duration_ms"?: number | null,"last_error"?: string | null,"last_status_code"?: number | null,"locked_until"?: string | null,"next_attempt_at"?: string,"org_id": string,"outbox_event_id"?: number | null,"status"?: string
                  }
                  Update: {
                    "attempts"?: number,"body"?: NonNullable<Json>,"created_at"?: string,"delivered_at"?: string | null,"endpoint_id"?: string,"event_type"?: string,"id"?: string,"last_attempt_at"?: string | null,"last_duration_ms"?: number | null,"last_error"?: string | null,"last_status_code"?: number | null,"locked_until"?: string | null,"next_attempt_at"?: string,"org_id"?: string,"outbox_event_id"?: number | null,"status"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "webhook_deliveries_endpoint_id_org_id_fkey"
      columns: ["endpoint_id","org_id"]
isOneToOne: false
      referencedRelation: "webhook_endpoints"
      referencedColumns: ["id","org_id"]
    }
                  ]
                },"webhook_endpoints": {
                  Row: {
                    "created_at": string,"created_by": string | null,"description": string | null,"disabled_at": string | null,"disabled_reason": string | null,"enabled": boolean,"event_types": (string)[],"failing_since": string | null,"id": string,"org_id": string,"updated_at": string,"url": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"created_by"?: string | null,"description"?: string | null,"disabled_at"?: string | null,"disabled_reason"?: string | null,"enabled"?: boolean,"event_types": (string)[],"failing_since"?: string | null,"id"?: string,"org_id": string,"updated_at"?: string,"url": string
                  }
                  Update: {
                    "created_at"?: string,"created_by"?: string | null,"description"?: string | null,"disabled_at"?: string | null,"disabled_reason"?: string | null,"enabled"?: boolean,"event_types"?: (string)[],"failing_since"?: string | null,"id"?: string,"org_id"?: string,"updated_at"?: string,"url"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "webhook_endpoints_org_id_fkey"
      columns: ["org_id"]
isOneToOne: false
      referencedRelation: "organizations"
      referencedColumns: ["id"]
    }
                  ]
                }
          }
          Views: {
            [_ in never]: never
          }
          Functions: {
            "accept_org_invitation":
{ Args: { "p_token": string }; Returns: string
                           },
"add_partner_note":
{ Args: { "p_body": string,"p_partner_id": string }; Returns: {
              "author_id": string | null,
"body": string,
"created_at": string,
"id": string,
"org_id": string,
"partner_id": string,
"updated_at": string
            }
                          SetofOptions: {
        from: "*"
        to: "partner_notes"
        isOneToOne: true
        isSetofReturn: false
      } },
"add_partner_user_with_grants":
{ Args: { "p_email": string,"p_grants": Json,"p_name": string,"p_org_id": string,"p_user_id": string }; Returns: undefined
                           },
"auth_limit_check":
{ Args: { "p_action": string,"p_address": string,"p_email": string }; Returns: number
                           },
"auth_limit_record":
{ Args: { "p_action": string,"p_address": string,"p_email": string }; Returns: number
                           },
"auth_limit_succeeded":
{ Args: { "p_action": string,"p_address": string,"p_email": string }; Returns: undefined
                           },
"create_org_invitation":
{ Args: { "p_email": string,"p_org_id": string,"p_role": string }; Returns: string
                           },
"create_webhook_endpoint":
{ Args: { "p_description": string,"p_enabled"?: boolean,"p_event_types": (string)[],"p_org_id": string,"p_url": string }; Returns: {
              "id": string,"secret": string
            }[]
                           },
"dashboard_funnel":
{ Args: { "p_from": string,"p_org_id": string,"p_owner_id"?: string,"p_region"?: string,"p_statuses"?: (string)[],"p_tiers"?: (string)[],"p_to": string }; Returns: {
              "conversion": number,"estimated_value": number,"referrals": number,"stage": string,"stage_order": number
            }[]
                           },
"dashboard_leaders":
{ Args: { "p_from": string,"p_limit"?: number,"p_org_id": string,"p_owner_id"?: string,"p_region"?: string,"p_statuses"?: (string)[],"p_tiers"?: (string)[],"p_to": string }; Returns: {
              "board": string,"board_total": number,"last_referred_at": string,"partner_id": string,"partner_name": string,"rank": number,"referrals": number,"won_value": number
            }[]
                           },
"dashboard_series":
{ Args: { "p_bucket"?: string,"p_from": string,"p_org_id": string,"p_owner_id"?: string,"p_region"?: string,"p_statuses"?: (string)[],"p_tiers"?: (string)[],"p_to": string }; Returns: {
              "bucket": string,"commission_earned": number,"commission_owed": number,"commission_paid": number,"currency": string,"ends_on": string,"referrals_submitted": number,"referrals_won": number,"starts_on": string,"won_value": number
            }[]
                           },
"dashboard_service_levels":
{ Args: { "p_from": string,"p_org_id": string,"p_owner_id"?: string,"p_region"?: string,"p_statuses"?: (string)[],"p_tiers"?: (string)[],"p_to": string }; Returns: {
              "closed_referrals": number,"commissions_due": number,"commissions_paid_on_time": number,"median_days_to_close": number,"median_days_to_qualify": number,"overdue_commission_amount": number,"overdue_commissions": number,"overdue_tasks": number,"paid_on_time_share": number,"qualified_referrals": number
            }[]
                           },
"dashboard_tiles":
{ Args: { "p_from": string,"p_org_id": string,"p_owner_id"?: string,"p_region"?: string,"p_statuses"?: (string)[],"p_tiers"?: (string)[],"p_to": string }; Returns: {
              "active_partners": number,"commission_approved": number,"commission_earned": number,"commission_owed": number,"commission_paid": number,"currency": string,"ends_on": string,"lost_referrals": number,"new_partners": number,"new_referrals": number,"period": string,"pipeline_value": number,"starts_on": string,"win_rate": number,"won_referrals": number,"won_value": number
            }[]
                           },
"import_partners":
{ Args: { "p_org_id": string,"p_rows": Json }; Returns: {
              "inserted": number,"unchanged": number,"updated": number
            }[]
                           },
"jobs_claim_emails":
{ Args: { "p_lease_seconds"?: number,"p_limit"?: number }; Returns: {
              "audience": string,"digest": Json,"id": string,"kind": string,"notification": Json,"org_currency": string,"org_id": string,"org_locale": string,"org_name": string,"org_time_zone": string,"recipient_name": string,"to_email": string,"user_id": string
            }[]
                           },
"jobs_claim_webhooks":
{ Args: { "p_lease_seconds"?: number,"p_limit"?: number }; Returns: {
              "attempts": number,"body": Json,"created_at": string,"endpoint_id": string,"event_type": string,"id": string,"secret": string,"url": string
            }[]
                           },
"jobs_fan_out":
{ Args: { "p_limit"?: number }; Returns: Json
                           },
"jobs_record_email":
{ Args: { "p_error"?: string,"p_id": string,"p_outcome": string }; Returns: undefined
                           },
"jobs_record_emails":
{ Args: { "p_results": Json }; Returns: number
                           },
"jobs_record_webhook":
{ Args: { "p_duration_ms": number,"p_error"?: string,"p_id": string,"p_status_code": number }; Returns: string
                           },
"jobs_record_webhooks":
{ Args: { "p_results": Json }; Returns: Json
                           },
"jobs_sweep":
{ Args: Record<PropertyKey, never>; Returns: number
                           },
"mint_org_invitation_token":
{ Args: { "p_created_user_id"?: string,"p_invitation_id": string }; Returns: string
                           },
"my_mfa_status":
{ Args: Record<PropertyKey, never>; Returns: {
              "allowed": boolean,"applies": boolean,"has_verified_factor": boolean,"mfa_required": string,"org_id": string,"org_name": string,"role": string,"session_aal": string
            }[]
                           },
"my_notification_settings":
{ Args: { "p_org_id": string }; Returns: {
              "built_in": string,"delivery": string,"event_type": string,"org_default": string,"org_default_role": string,"source": string
            }[]
                           },
"my_staff_session":
{ Args: Record<PropertyKey, never>; Returns: {
              "allowed": boolean,"applies": boolean,"currency": string,"has_verified_factor": boolean,"locale": string,"mfa_required": string,"org_id": string,"org_name": string,"org_slug": string,"role": string,"session_aal": string,"time_zone": string
            }[]
                           },
"org_invitation_for_token":
{ Args: { "p_token": string }; Returns: {
              "account_id": string,"email": string,"expires_at": string,"invitation_id": string,"inviter_name": string,"org_id": string,"org_name": string,"role": string,"sets_password": boolean,"status": string
            }[]
                           },
"org_notification_defaults":
{ Args: { "p_org_id": string }; Returns: {
              "audiences": (string)[],"event_type": string,"org_default": string,"partner_built_in": string,"staff_built_in": string
            }[]
                           },
"org_role_notification_defaults":
{ Args: { "p_org_id": string,"p_role": string }; Returns: {
              "built_in": string,"event_type": string,"everyone_default": string,"role_default": string
            }[]
                           },
"partner_directory_metrics":
{ Args: { "p_include_archived"?: boolean,"p_org_id": string,"p_owner_id"?: string,"p_region"?: string,"p_search"?: string,"p_status"?: (string)[],"p_tier"?: (string)[] }; Returns: {
              "active_partners": number,"matching_partners": number,"owed_commission": number,"pipeline_value": number
            }[]
                           },
"partner_directory_page":
{ Args: { "p_after_id"?: string,"p_after_key"?: string,"p_before_id"?: string,"p_before_key"?: string,"p_descending"?: boolean,"p_include_archived"?: boolean,"p_limit"?: number,"p_offset"?: number,"p_org_id": string,"p_owner_id"?: string,"p_region"?: string,"p_search"?: string,"p_sort"?: string,"p_status"?: (string)[],"p_tier"?: (string)[] }; Returns: {
              "archived_at": string | null,
"commission_rate": number | null,
"created_at": string,
"created_by": string | null,
"external_id": string | null,
"id": string,
"name": string,
"org_id": string,
"owner_id": string | null,
"primary_contact_email": string | null,
"primary_contact_name": string | null,
"region": string | null,
"status": string,
"status_rank": number | null,
"tags": (string)[],
"tier": string,
"tier_rank": number | null,
"updated_at": string,
"website": string | null
            }[]
                          SetofOptions: {
        from: "*"
        to: "partners"
        isOneToOne: false
        isSetofReturn: true
      } },
"partner_directory_regions":
{ Args: { "p_org_id": string }; Returns: string[]
                           },
"partner_directory_search":
{ Args: { "p_org_id": string,"p_search": string }; Returns: {
              "archived_at": string | null,
"commission_rate": number | null,
"created_at": string,
"created_by": string | null,
"external_id": string | null,
"id": string,
"name": string,
"org_id": string,
"owner_id": string | null,
"primary_contact_email": string | null,
"primary_contact_name": string | null,
"region": string | null,
"status": string,
"status_rank": number | null,
"tags": (string)[],
"tier": string,
"tier_rank": number | null,
"updated_at": string,
"website": string | null
            }[]
                          SetofOptions: {
        from: "*"
        to: "partners"
        isOneToOne: false
        isSetofReturn: true
      } },
"partner_directory_summary":
{ Args: { "p_exact_limit"?: number,"p_include_archived"?: boolean,"p_org_id": string,"p_owner_id"?: string,"p_region"?: string,"p_search"?: string,"p_status"?: (string)[],"p_tier"?: (string)[] }; Returns: {
              "active_partners": number,"matching_is_estimate": boolean,"matching_partners": number,"owed_commission": number,"pipeline_value": number
            }[]
                           },
"partner_monthly_trend":
{ Args: { "p_from": string,"p_partner_id"?: string,"p_to": string }; Returns: {
              "commission_earned": number,"commission_owed": number,"commission_paid": number,"currency": string,"is_total": boolean,"month": string,"org_id": string,"partner_id": string,"referrals": number,"won_referrals": number,"won_value": number
            }[]
                           },
"partner_region_options":
{ Args: { "p_limit"?: number,"p_org_id": string,"p_pattern"?: string }; Returns: string[]
                           },
"partner_rollups":
{ Args: { "p_partner_id": string }; Returns: {
              "commission_earned": number,"commission_owed": number,"commission_paid": number,"currency": string,"open_tasks": number,"overdue_tasks": number,"partner_id": string,"pipeline_value": number,"referrals_in_progress": number,"referrals_lost": number,"referrals_open": number,"referrals_qualified": number,"referrals_submitted": number,"referrals_total": number,"referrals_won": number,"updated_at": string,"won_value": number
            }[]
                           },
"ping_webhook_endpoint":
{ Args: { "p_endpoint_id": string }; Returns: string
                           },
"portal_accounts":
{ Args: Record<PropertyKey, never>; Returns: {
              "name": string,"partner_id": string,"scope": (string)[]
            }[]
                           },
"portal_activity_rows":
{ Args: { "p_partner_id"?: string }; Returns: {
              "created_at": string,"event_type": string,"id": string,"occurred_at": string,"org_id": string,"partner_id": string,"payload": Json,"source_id": string,"source_table": string
            }[]
                           },
"portal_commission_rows":
{ Args: { "p_partner_id"?: string }; Returns: {
              "amount": number,"approved_at": string,"created_at": string,"currency": string,"description": string,"due_at": string,"earned_at": string,"id": string,"org_id": string,"paid_at": string,"partner_id": string,"referral_id": string,"status": string,"updated_at": string,"voided_at": string
            }[]
                           },
"portal_commission_statement":
{ Args: { "p_partner_id": string }; Returns: {
              "approved": number,"commissions": number,"currency": string,"earned": number,"is_total": boolean,"owed": number,"paid": number,"pending": number,"period": string,"voided": number
            }[]
                           },
"portal_commission_summary":
{ Args: Record<PropertyKey, never>; Returns: {
              "currency": string,"is_total": boolean,"overdue": number,"overdue_count": number,"owed": number,"paid": number,"partner_id": string,"partner_name": string
            }[]
                           },
"portal_document_rows":
{ Args: { "p_partner_id"?: string }; Returns: {
              "created_at": string,"document_type": string,"id": string,"org_id": string,"partner_id": string,"tags": (string)[],"title": string,"updated_at": string,"url": string
            }[]
                           },
"portal_me":
{ Args: Record<PropertyKey, never>; Returns: {
              "email": string,"id": string,"is_active": boolean,"name": string
            }[]
                           },
"portal_organizations":
{ Args: Record<PropertyKey, never>; Returns: {
              "currency": string,"id": string,"locale": string,"name": string,"time_zone": string
            }[]
                           },
"portal_partner_rollups":
{ Args: { "p_partner_id": string }; Returns: {
              "commission_approved": number,"commission_earned": number,"commission_overdue": number,"commission_owed": number,"commission_paid": number,"commission_pending": number,"currency": string,"partner_id": string,"pipeline_value": number,"referrals_in_progress": number,"referrals_lost": number,"referrals_qualified": number,"referrals_submitted": number,"referrals_total": number,"referrals_won": number,"won_value": number
            }[]
                           },
"portal_partners":
{ Args: Record<PropertyKey, never>; Returns: {
              "id": string,"name": string,"org_id": string,"owner_id": string,"region": string,"status": string,"tier": string,"website": string
            }[]
                           },
"portal_referral_list":
{ Args: { "p_from"?: string,"p_statuses"?: (string)[],"p_to"?: string }; Returns: {
              "actual_value": number,"client_name": string,"closed_at": string,"estimated_value": number,"id": string,"partner_id": string,"partner_name": string,"referred_at": string,"status": string
            }[]
                           },
"portal_referral_pipeline":
{ Args: { "p_from"?: string,"p_statuses"?: (string)[],"p_to"?: string }; Returns: {
              "currency": string,"estimated_value": number,"is_total": boolean,"open_referrals": number,"partner_id": string,"partner_name": string,"pipeline_value": number,"referrals": number,"won_referrals": number,"won_value": number
            }[]
                           },
"portal_referral_rows":
{ Args: { "p_partner_id"?: string }; Returns: {
              "actual_value": number,"client_email": string,"client_name": string,"closed_at": string,"created_at": string,"estimated_value": number,"id": string,"org_id": string,"partner_id": string,"referred_at": string,"status": string,"updated_at": string
            }[]
                           },
"portal_referrals":
{ Args: { "p_from"?: string,"p_limit"?: number,"p_statuses"?: (string)[],"p_to"?: string }; Returns: {
              "actual_value": number,"client_name": string,"closed_at": string,"estimated_value": number,"id": string,"partner_id": string,"partner_name": string,"referred_at": string,"status": string
            }[]
                           },
"portal_resource_rows":
{ Args: Record<PropertyKey, never>; Returns: {
              "created_at": string,"description": string,"id": string,"kind": string,"min_tier": string,"org_id": string,"title": string,"updated_at": string,"url": string
            }[]
                           },
"portal_training_rows":
{ Args: { "p_partner_id"?: string }; Returns: {
              "completed_on": string,"created_at": string,"expires_on": string,"id": string,"kind": string,"name": string,"org_id": string,"partner_id": string,"status": string,"updated_at": string
            }[]
                           },
"record_auth_email_outcome":
{ Args: { "p_outcome": string }; Returns: boolean
                           },
"record_mfa_reset":
{ Args: { "p_org_id": string,"p_user_id": string }; Returns: {
              "email": string,"outcome": string
            }[]
                           },
"record_operator_mfa_reset":
{ Args: { "p_removed": number,"p_user_id": string }; Returns: number
                           },
"record_portal_event":
{ Args: { "p_event": string,"p_partner_id"?: string }; Returns: undefined
                           },
"refresh_dashboard_windows":
{ Args: Record<PropertyKey, never>; Returns: number
                           },
"resend_org_invitation":
{ Args: { "p_invitation_id": string }; Returns: string
                           },
"resend_webhook_delivery":
{ Args: { "p_delivery_id": string }; Returns: undefined
                           },
"revoke_org_invitation":
{ Args: { "p_invitation_id": string }; Returns: undefined
                           },
"rotate_webhook_secret":
{ Args: { "p_endpoint_id": string }; Returns: string
                           },
"unsubscribe_email":
{ Args: { "p_event_type": string,"p_org_id": string,"p_user_id": string }; Returns: number
                           }
          }
          Enums: {
            [_ in never]: never
          }
          CompositeTypes: {
            [_ in never]: never
          }
        }
}

type DatabaseWithoutInternals = Omit<Database, '__InternalSupabase'>

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
  ? (DefaultSchema["Tables"] & DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
      Row: infer R
    }
    ? R
    : never
  : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
  ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Insert: infer I
    }
    ? I
    : never
  : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
  ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Update: infer U
    }
    ? U
    : never
  : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never
> = DefaultSchemaEnumNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
  ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
  : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never
> = PublicCompositeTypeNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
  ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
  : never

export const Constants = {
  "public": {
          Enums: {
            
          }
        }
} as const
