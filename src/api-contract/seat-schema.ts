import { z } from '@hono/zod-openapi';
import { fromDomain } from './domain-schema.ts';
import { seatInputSchema } from '../seats/seat.ts';

/**
 * A seat as the API serves it (src/seats/seat.ts: the seat input with its
 * defaults applied, plus its id, workspace and creation time). Pages that
 * pick a seat (outreach, campaigns) read `GET /api/seats`, whose rows are
 * `seatWithCreditsSchema`.
 */
export const seatSchema = seatInputSchema.omit({ id: true }).extend({
  id: z.string(),
  workspaceId: z.string(),
  ownerUserId: fromDomain(seatInputSchema.shape.ownerUserId).openapi({ description: 'the member who works this seat; null: unassigned (only admins and owners work it)' }),
  createdAt: z.string(),
});

/** A seat with its balance and open InMails on the day asked for. */
export const seatWithCreditsSchema = seatSchema
  .extend({
    balance: z.number().openapi({ description: 'InMail credits at the end of the day' }),
    awaitingReply: z.number().int().openapi({ description: 'InMails sent that await a reply' }),
  })
  .openapi('SeatWithCredits');
