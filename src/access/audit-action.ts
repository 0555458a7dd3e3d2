/**
 * What the audit log records. Details never carry candidates' personal
 * data: a candidate is named by id, a person acting by their account email.
 */
export const auditActions = [
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'sign_in_link_created',
  'user_created',
  'password_changed',
  'password_reset_requested',
  'password_reset',
  'workspace_created',
  'invitation_created',
  'invitation_revoked',
  'invitation_accepted',
  'member_role_changed',
  'member_removed',
  'seat_created',
  'seat_assigned',
  'token_created',
  'token_revoked',
  'import',
  'export',
  'candidate_deleted',
  'retention_applied',
  'campaign_created',
  'campaign_launched',
  'campaign_paused',
  'campaign_stopped',
  'credits_recorded',
  'credits_purchased',
  'credits_moved',
  'settings_changed',
] as const;
export type AuditAction = (typeof auditActions)[number];
