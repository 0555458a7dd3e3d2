import type { Member } from '../../access/membership-store.ts';
import type { ApiToken } from '../../access/api-token-store.ts';
import type { AuditEntry } from '../../access/audit-store.ts';

/**
 * Lines people read for members, tokens and audit entries: one formatter
 * for the local commands and their remote forms (src/cli/remote/), which get
 * the same records as JSON from the API.
 */
export function memberLine(m: Member): string {
  return `${m.role.padEnd(9)} ${m.email}  ${m.name}  (joined ${m.joinedAt.slice(0, 10)})`;
}

export function tokenLine(t: ApiToken, userEmail?: string): string {
  const status = t.revokedAt ? `revoked ${t.revokedAt.slice(0, 16)}` : t.lastUsedAt ? `last used ${t.lastUsedAt.slice(0, 16)}` : 'never used';
  return `${t.id}  ${t.prefix}…  ${t.role.padEnd(9)} ${t.name}  ${userEmail ?? t.userId}  created ${t.createdAt.slice(0, 10)}  ${status}`;
}

export function auditLine(e: AuditEntry): string {
  const details = Object.keys(e.details).length ? `  ${JSON.stringify(e.details)}` : '';
  return `${e.at.slice(0, 19)}  ${e.action.padEnd(22)} ${e.outcome === 'ok' ? '' : `[${e.outcome}] `}${e.actor} (${e.via})${e.target ? ` -> ${e.target}` : ''}${details}`;
}
