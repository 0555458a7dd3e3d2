import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from './error-body.ts';
import { answers, json, jsonBody } from './json-content.ts';
import { roleSchema } from '../access/role.ts';


export const memberSchema = z.object({ userId: z.string(), email: z.string(), name: z.string(), role: roleSchema, joinedAt: z.string() }).openapi('Member');

export const invitationStatuses = ['pending', 'accepted', 'revoked', 'expired'] as const;

export const invitationSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    workspaceName: z.string(),
    email: z.string().nullable(),
    role: roleSchema,
    createdBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    acceptedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    status: z.enum(invitationStatuses),
  })
  .openapi('Invitation');

export const listMembersRoute = createRoute({
  method: 'get',
  path: '/api/members',
  tags: ['accounts'],
  summary: "The workspace's members and their roles",
  responses: answers(z.object({ members: z.array(memberSchema) }), 'Members'),
});

const userParam = z.object({ userId: z.string().min(1) });

export const changeMemberRoleRoute = createRoute({
  method: 'patch',
  path: '/api/members/{userId}',
  tags: ['accounts'],
  summary: "Change a member's role (only an owner makes or changes owners; a workspace keeps one owner)",
  request: { params: userParam, ...jsonBody(z.object({ role: roleSchema })) },
  responses: answers(memberSchema, 'The member'),
});

export const removeMemberRoute = createRoute({
  method: 'delete',
  path: '/api/members/{userId}',
  tags: ['accounts'],
  summary: 'Remove a member (their seats become unassigned, their tokens here are revoked)',
  request: { params: userParam },
  responses: answers(z.object({ removed: z.string() }), 'Removed'),
});

export const listInvitationsRoute = createRoute({
  method: 'get',
  path: '/api/invitations',
  tags: ['accounts'],
  summary: "The workspace's invitations with their status",
  responses: answers(z.object({ invitations: z.array(invitationSchema) }), 'Invitations'),
});

export const createInvitationRoute = createRoute({
  method: 'post',
  path: '/api/invitations',
  tags: ['accounts'],
  summary: 'Invite someone: by link (no email) or for one address (emailed when the server has SMTP settings); the link is shown once',
  request: { ...jsonBody(z.object({ email: z.string().nullable().default(null), role: roleSchema, send: z.boolean().default(true) })) },
  responses: { 201: json(z.object({ invitation: invitationSchema, url: z.string(), emailed: z.boolean() }), 'The invitation and its link'), ...errorResponses },
});

export const revokeInvitationRoute = createRoute({
  method: 'delete',
  path: '/api/invitations/{id}',
  tags: ['accounts'],
  summary: 'Revoke a pending invitation (its link stops working)',
  request: { params: z.object({ id: z.string().min(1) }) },
  responses: answers(invitationSchema, 'The invitation'),
});
