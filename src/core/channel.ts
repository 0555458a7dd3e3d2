import { z } from 'zod';

/**
 * The ways Scoutline reaches a candidate (spec: linkedin-channels.md), shared
 * by outreach, messages, analytics, ranking and the API:
 * `connection_request` (with or without a note), `message` (to a
 * connection), `inmail`, `email`, `phone` (a task for the recruiter), and
 * `withdraw_invitation` (added by the outreach engine: withdraw a pending
 * connection request older than the configured age; it sends nothing to the
 * candidate).
 */
export const channels = ['connection_request', 'message', 'inmail', 'email', 'phone', 'withdraw_invitation'] as const;

export type Channel = (typeof channels)[number];

export const channelSchema = z.enum(channels);
