/**
 * The accounts part of the HTTP API as the UI uses it: sign-in, who am I,
 * workspaces, members, invitations, tokens and the audit log. The calls go
 * through the typed client, so their inputs and answers are the API
 * contract's (src/api-contract); only better-auth's own `/api/auth/*`
 * endpoints (not in the contract) and the OpenAPI document are read raw.
 */
import type { InferRequestType } from 'hono/client';
import type { Role } from '../../src/api-contract/account-contract.ts';
import { api, call, client, type Answer } from './api-client.ts';

export type { Role };

/** Every role, most power first (the server's order, src/access/role.ts), for the role pickers. */
export const roles = ['owner', 'admin', 'recruiter', 'viewer'] as const satisfies readonly Role[];
// a role the server adds and this list lacks stops the build here
const everyRoleListed: Exclude<Role, (typeof roles)[number]> extends never ? true : never = true;
void everyRoleListed;

export const roleLabel: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  recruiter: 'Recruiter',
  viewer: 'Viewer (hiring manager)',
};

type Body<R> = Answer<Awaited<R>>;

export type Me = Body<ReturnType<typeof client.api.me.$get>>;
export type WorkspaceMembership = Me['workspaces'][number];
export type Member = Body<ReturnType<typeof client.api.members.$get>>['members'][number];
export type Invitation = Body<ReturnType<typeof client.api.invitations.$get>>['invitations'][number];
export type InvitationStatus = Invitation['status'];
export type InvitationPreview = Body<ReturnType<(typeof client.api.invitations)[':token']['$get']>>;
export type ApiTokenInfo = Body<ReturnType<typeof client.api.tokens.$get>>['tokens'][number];
export type AuditEntry = Body<ReturnType<typeof client.api.audit.$get>>['entries'][number];
export type AuditAction = NonNullable<InferRequestType<typeof client.api.audit.$get>['query']['action']>;
export type AcceptInvitationBody = InferRequestType<(typeof client.api.invitations)[':token']['accept']['$post']>['json'];

/** The audit log's filters as the page builds them (the API takes them as query strings). */
export interface AuditQuery {
  action?: AuditAction;
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
export function auditActionsFromSpec(doc: unknown): AuditAction[] {
  const get = (doc as { paths?: Record<string, { get?: { parameters?: Array<{ name?: string; in?: string; schema?: { enum?: unknown[] } }> } }> })?.paths?.['/api/audit']?.get;
  const param = get?.parameters?.find((p) => p.name === 'action' && p.in === 'query');
  return (param?.schema?.enum ?? []).filter((v): v is AuditAction => typeof v === 'string');
}

/** Ends the session and leaves for the sign-in page, even when the server could not be told (the page must not stay signed-in looking). */
export async function signOutAndLeave(): Promise<void> {
  try {
    await accountApi.signOut();
  } finally {
    window.location.assign('/sign-in');
  }
}

/** A path segment as the client puts it in the URL (hono's client does not encode it; the server decodes it). */
const enc = encodeURIComponent;
const withSignal = (signal?: AbortSignal) => ({ init: { signal } });

/** Defined values only, as strings: the query of `GET /api/audit`. */
function auditQuery(q: AuditQuery): InferRequestType<typeof client.api.audit.$get>['query'] {
  return {
    ...(q.action ? { action: q.action } : {}),
    ...(q.actor ? { actor: q.actor } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.before !== undefined ? { before: String(q.before) } : {}),
    ...(q.limit !== undefined ? { limit: String(q.limit) } : {}),
  };
}

export const accountApi = {
  me: (signal?: AbortSignal) => call(client.api.me.$get(undefined, withSignal(signal))),
  auditActions: async (signal?: AbortSignal) => auditActionsFromSpec(await api.get<unknown>('/openapi.json', signal)),
  // better-auth's own endpoints
  signIn: (email: string, password: string) => api.post<unknown>('/api/auth/sign-in/email', { email, password }),
  signOut: () => api.post<unknown>('/api/auth/sign-out', {}),
  requestReset: (email: string) => api.post<unknown>('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' }),
  resetPassword: (token: string, newPassword: string) => api.post<unknown>('/api/auth/reset-password', { token, newPassword }),

  setPassword: (newPassword: string, currentPassword?: string) => call(client.api.me.password.$post({ json: currentPassword ? { currentPassword, newPassword } : { newPassword } })),
  switchWorkspace: (workspaceId: string) => call(client.api.me.workspace.$post({ json: { workspaceId } })),
  createWorkspace: (name: string) => call(client.api.workspaces.$post({ json: { name } })),

  invitation: (token: string, signal?: AbortSignal) => call(client.api.invitations[':token'].$get({ param: { token: enc(token) } }, withSignal(signal))),
  acceptInvitation: (token: string, body: AcceptInvitationBody) => call(client.api.invitations[':token'].accept.$post({ param: { token: enc(token) }, json: body })),

  members: (signal?: AbortSignal) => call(client.api.members.$get(undefined, withSignal(signal))),
  changeRole: (userId: string, role: Role) => call(client.api.members[':userId'].$patch({ param: { userId: enc(userId) }, json: { role } })),
  removeMember: (userId: string) => call(client.api.members[':userId'].$delete({ param: { userId: enc(userId) } })),
  invitations: (signal?: AbortSignal) => call(client.api.invitations.$get(undefined, withSignal(signal))),
  invite: (email: string | null, role: Role) => call(client.api.invitations.$post({ json: { email, role } })),
  revokeInvitation: (id: string) => call(client.api.invitations[':id'].$delete({ param: { id: enc(id) } })),

  tokens: (signal?: AbortSignal) => call(client.api.tokens.$get(undefined, withSignal(signal))),
  createToken: (name: string, role?: Role) => call(client.api.tokens.$post({ json: role ? { name, role } : { name } })),
  revokeToken: (id: string) => call(client.api.tokens[':id'].$delete({ param: { id: enc(id) } })),

  audit: (q: AuditQuery, signal?: AbortSignal) => call(client.api.audit.$get({ query: auditQuery(q) }, withSignal(signal))),
};
