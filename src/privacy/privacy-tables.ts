import type { Generated } from 'kysely';

/**
 * Tables owned by src/privacy (migration 0015-privacy). Times ISO text (UTC).
 *
 * Where each candidate's data came from: one `data_sources` row per import
 * run or API call (what, how, who, when), and one `candidate_sources` row per
 * candidate and source that wrote, merged or re-sent them. The per-workspace
 * key of the hashed suppression entries left behind by erasure, and the
 * candidates the retention policy flagged for review.
 */
export interface DataSourceTable {
  id: Generated<number>;
  workspace_id: string;
  /** import | api | demo */
  kind: string;
  /** csv | jsonresume | json (the format of the records) */
  format: string;
  /** cli | api: how it arrived */
  via: string;
  /** the `source` label recorded on new candidates ('csv', 'linkedin-export', ...) */
  label: string;
  /** the file's base name when known (CLI imports); cleared when the last candidate from it is erased */
  file_name: string | null;
  /** who ran it: the member's account email, or the local CLI user */
  actor: string;
  created_at: string;
}

export interface CandidateSourceTable {
  workspace_id: string;
  candidate_id: number;
  source_id: number;
  /** imported | updated | unchanged: what that source did to the candidate */
  outcome: string;
  at: string;
}

export interface PrivacyHashKeyTable {
  workspace_id: string;
  /** base64url of 32 random bytes: the HMAC key of the workspace's hashed suppression entries */
  hash_key: string;
  created_at: string;
}

export interface RetentionFlagTable {
  candidate_id: number;
  workspace_id: string;
  flagged_at: string;
  /** the last activity the policy saw */
  last_activity_at: string;
}

export interface PrivacyTables {
  data_sources: DataSourceTable;
  candidate_sources: CandidateSourceTable;
  privacy_hash_keys: PrivacyHashKeyTable;
  retention_flags: RetentionFlagTable;
}
