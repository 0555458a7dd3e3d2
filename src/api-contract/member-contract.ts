import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from './error-body.ts';
import { roleSchema } from '../access/role.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

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
  responses: { 200: json(z.object({ members: z.array(memberSchema) }), 'Members'), ...errorResponses },
});

const userParam = z.object({ userId: z.string().min(1) });

export const changeMemberRoleRoute = createRoute({
  method: 'patch',
  path: '/api/members/{userId}',
  tags: ['accounts'],
  summary: "Change a member's role (only an owner makes or changes owners; a workspace keeps one owner)",
  request: { params: userParam, body: { content: { 'application/json': { schema: z.object({ role: roleSchema }) } }, required: true } },
  responses: { 200: json(memberSchema, 'The member'), ...errorResponses },
});

export const removeMemberRoute = createRoute({
  method: 'delete',
  path: '/api/members/{userId}',
  tags: ['accounts'],
  summary: 'Remove a member (their seats become unassigned, their tokens here are revoked)',
  request: { params: userParam },
  responses: { 200: json(z.object({ removed: z.string() }), 'Removed'), ...errorResponses },
});

export const listInvitationsRoute = createRoute({
  method: 'get',
  path: '/api/invitations',
  tags: ['accounts'],
  summary: "The workspace's invitations with their status",
  responses: { 200: json(z.object({ invitations: z.array(invitationSchema) }), 'Invitations'), ...errorResponses },
});

export const createInvitationRoute = createRoute({
  method: 'post',
  path: '/api/invitations',
  tags: ['accounts'],
  summary: 'Invite someone: by link (no email) or for one address (emailed when the server has SMTP settings); the link is shown once',
  request: { body: { content: { 'application/json': { schema: z.object({ email: z.string().nullable().default(null), role: roleSchema, send: z.boolean().default(true) }) } }, required: true } },
  responses: { 201: json(z.object({ invitation: invitationSchema, url: z.string(), emailed: z.boolean() }), 'The invitation and its link'), ...errorResponses },
});

export const revokeInvitationRoute = createRoute({
  method: 'delete',
  path: '/api/invitations/{id}',
  tags: ['accounts'],
  summary: 'Revoke a pending invitation (its link stops working)',
  request: { params: z.object({ id: z.string().min(1) }) },
  responses: { 200: json(invitationSchema, 'The invitation'), ...errorResponses },
});
