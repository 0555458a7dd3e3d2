import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from './error-body.ts';
import { answers, json, jsonBody } from './json-content.ts';
import { roleSchema } from '../access/role.ts';

/** A member's role in a workspace (src/access/role.ts), for the UI's types. */
export type Role = z.infer<typeof roleSchema>;


export const workspaceMembershipSchema = z.object({ id: z.string(), name: z.string(), role: roleSchema }).openapi('WorkspaceMembership');

export const meSchema = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string(), hasPassword: z.boolean() }),
    via: z.enum(['session', 'token', 'cli', 'system']),
    workspace: workspaceMembershipSchema.nullable(),
    workspaces: z.array(workspaceMembershipSchema),
    smtp: z.boolean().describe('whether the server can send account emails (password resets, invitations)'),
  })
  .openapi('Me');

export const invitationPreviewSchema = z
  .object({ workspaceName: z.string(), role: roleSchema, email: z.string().nullable(), expiresAt: z.string(), existingUser: z.boolean() })
  .openapi('InvitationPreview');

export const meRoute = createRoute({
  method: 'get',
  path: '/api/me',
  tags: ['accounts'],
  summary: 'The signed-in user, their current workspace and role, and all their workspaces',
  responses: answers(meSchema, 'Me'),
});

export const switchWorkspaceRoute = createRoute({
  method: 'post',
  path: '/api/me/workspace',
  tags: ['accounts'],
  summary: 'Switch the session to another of your workspaces',
  request: { ...jsonBody(z.object({ workspaceId: z.string().min(1) })) },
  responses: answers(workspaceMembershipSchema, 'The workspace now current'),
});

export const setPasswordRoute = createRoute({
  method: 'post',
  path: '/api/me/password',
  tags: ['accounts'],
  summary: 'Set or change your password (the current one is needed when you have one); other sessions are signed out',
  request: { ...jsonBody(z.object({ currentPassword: z.string().optional(), newPassword: z.string() })) },
  responses: answers(z.object({ ok: z.literal(true) }), 'Changed'),
});

export const createWorkspaceRoute = createRoute({
  method: 'post',
  path: '/api/workspaces',
  tags: ['accounts'],
  summary: 'Create a workspace (you become its owner) and switch to it',
  request: { ...jsonBody(z.object({ name: z.string().min(1).max(100) })) },
  responses: { 201: json(workspaceMembershipSchema, 'The new workspace'), ...errorResponses },
});

const tokenParam = z.object({ token: z.string().min(1) });

export const invitationPreviewRoute = createRoute({
  method: 'get',
  path: '/api/invitations/{token}',
  tags: ['accounts'],
  summary: 'What an invitation link is for (workspace, role), before accepting it',
  request: { params: tokenParam },
  responses: answers(invitationPreviewSchema, 'The invitation'),
});

export const acceptInvitationRoute = createRoute({
  method: 'post',
  path: '/api/invitations/{token}/accept',
  tags: ['accounts'],
  summary: 'Accept an invitation: signed in, you join the workspace; otherwise give a name, email and password to create your account (you are then signed in)',
  request: {
    params: tokenParam,
    ...jsonBody(z.object({ name: z.string().optional(), email: z.string().optional(), password: z.string().optional() })),
  },
  responses: answers(workspaceMembershipSchema, 'The workspace joined'),
});
