/**
 * The accounts part of the HTTP API as the UI uses it: sign-in, who am I,
 * workspaces, members, invitations, tokens and the audit log. The types are
 * the UI's own reading of the API contract (the UI talks to the server only
 * over HTTP), kept to the fields the pages show.
 */
import { api, qs } from './api-client.ts';

export type Role = 'owner' | 'admin' | 'recruiter' | 'viewer';
export const roles: readonly Role[] = ['owner', 'admin', 'recruiter', 'viewer'];

export const roleLabel: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  recruiter: 'Recruiter',
  viewer: 'Viewer (hiring manager)',
};

export interface WorkspaceMembership {
  id: string;
  name: string;
  role: Role;
}

export interface Me {
  user: { id: string; email: string; name: string; hasPassword: boolean };
  via: 'session' | 'token' | 'cli' | 'system';
  workspace: WorkspaceMembership | null;
  workspaces: WorkspaceMembership[];
  smtp: boolean;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: string;
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';
export interface Invitation {
  id: string;
  workspaceId: string;
  workspaceName: string;
  email: string | null;
  role: Role;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  status: InvitationStatus;
}

export interface InvitationPreview {
  workspaceName: string;
  role: Role;
  email: string | null;
  expiresAt: string;
  existingUser: boolean;
}

export interface ApiTokenInfo {
  id: string;
  workspaceId: string;
  userId: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AuditEntry {
  id: number;
  workspaceId: string | null;
  at: string;
  actorUserId: string | null;
  actor: string;
  via: string;
  action: string;
  target: string | null;
  outcome: string;
  details: Record<string, unknown>;
  ip: string | null;
}

export interface AuditQuery {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  before?: number;
  limit?: number;
}

/**
 * The actions the audit log records, for the filter, as the server's API
 * description lists them (the `action` parameter of `GET /api/audit`): a new
 * action appears here without a copy to keep in step.
 */
export function auditActionsFromSpec(doc: unknown): string[] {
  const get = (doc as { paths?: Record<string, { get?: { parameters?: Array<{ name?: string; in?: string; schema?: { enum?: unknown[] } }> } }> })?.paths?.['/api/audit']?.get;
  const param = get?.parameters?.find((p) => p.name === 'action' && p.in === 'query');
  return (param?.schema?.enum ?? []).filter((v): v is string => typeof v === 'string');
}

const enc = encodeURIComponent;

/** Ends the session and leaves for the sign-in page, even when the server could not be told (the page must not stay signed-in looking). */
export async function signOutAndLeave(): Promise<void> {
  try {
    await accountApi.signOut();
  } finally {
    window.location.assign('/sign-in');
  }
}

export const accountApi = {
  me: (signal?: AbortSignal) => api.get<Me>('/api/me', signal),
  auditActions: async (signal?: AbortSignal) => auditActionsFromSpec(await api.get<unknown>('/openapi.json', signal)),
  signIn: (email: string, password: string) => api.post<unknown>('/api/auth/sign-in/email', { email, password }),
  signOut: () => api.post<unknown>('/api/auth/sign-out', {}),
  requestReset: (email: string) => api.post<unknown>('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' }),
  resetPassword: (token: string, newPassword: string) => api.post<unknown>('/api/auth/reset-password', { token, newPassword }),
  setPassword: (newPassword: string, currentPassword?: string) => api.post<{ ok: true }>('/api/me/password', currentPassword ? { currentPassword, newPassword } : { newPassword }),
  switchWorkspace: (workspaceId: string) => api.post<WorkspaceMembership>('/api/me/workspace', { workspaceId }),
  createWorkspace: (name: string) => api.post<WorkspaceMembership>('/api/workspaces', { name }),

  invitation: (token: string, signal?: AbortSignal) => api.get<InvitationPreview>(`/api/invitations/${enc(token)}`, signal),
  acceptInvitation: (token: string, body: { name?: string; email?: string; password?: string }) => api.post<WorkspaceMembership>(`/api/invitations/${enc(token)}/accept`, body),

  members: (signal?: AbortSignal) => api.get<{ members: Member[] }>('/api/members', signal),
  changeRole: (userId: string, role: Role) => api.patch<Member>(`/api/members/${enc(userId)}`, { role }),
  removeMember: (userId: string) => api.del<{ removed: string }>(`/api/members/${enc(userId)}`),
  invitations: (signal?: AbortSignal) => api.get<{ invitations: Invitation[] }>('/api/invitations', signal),
  invite: (email: string | null, role: Role) => api.post<{ invitation: Invitation; url: string; emailed: boolean }>('/api/invitations', { email, role }),
  revokeInvitation: (id: string) => api.del<Invitation>(`/api/invitations/${enc(id)}`),

  tokens: (signal?: AbortSignal) => api.get<{ tokens: ApiTokenInfo[] }>('/api/tokens', signal),
  createToken: (name: string, role?: Role) => api.post<{ token: string; info: ApiTokenInfo }>('/api/tokens', role ? { name, role } : { name }),
  revokeToken: (id: string) => api.del<ApiTokenInfo>(`/api/tokens/${enc(id)}`),

  audit: (q: AuditQuery, signal?: AbortSignal) => api.get<{ entries: AuditEntry[]; nextBefore: number | null }>(`/api/audit${qs({ ...q })}`, signal),
};
