import { z } from '@hono/zod-openapi';

/** OpenAPI shape of src/outreach/planning/seat-outlook-store.ts (the tasks route's `seats`). */
export const seatCapsSchema = z
  .object({
    seatId: z.string(),
    date: z.string(),
    paused: z.boolean(),
    dayOver: z.boolean().openapi({ description: "the seat's working hours today are over (or it has none today): nothing more is planned today" }),
    invitations: z.object({ weeklyCap: z.number(), leftThisWeek: z.number(), leftToday: z.number(), plannedToday: z.number(), pending: z.number(), maxPending: z.number() }),
    notesLeftThisMonth: z.number().nullable().openapi({ description: 'null: unlimited (paid seat)' }),
    inmail: z.object({ hasPlan: z.boolean(), credits: z.number(), leftToday: z.number() }),
    otherActionsLeftToday: z.number(),
  })
  .openapi('SeatCaps');

export const upcomingActionSchema = z
  .object({
    seatId: z.string(),
    campaignId: z.string(),
    campaignName: z.string(),
    candidateId: z.number(),
    candidateName: z.string(),
    channel: z.string(),
    stepKey: z.string(),
    withNote: z.boolean(),
    subject: z.string().nullable(),
    body: z.string().nullable(),
    profileUrl: z.string().nullable(),
    dueAt: z.string(),
    planDate: z.string(),
    kind: z.enum(['scheduled', 'forecast']).openapi({ description: 'scheduled: planned by the worker; forecast: the planner dry run for the next working window' }),
  })
  .openapi('UpcomingAction');

export const seatOutlookSchema = z
  .object({
    seatId: z.string(),
    seatName: z.string(),
    timeZone: z.string(),
    date: z.string(),
    working: z.boolean(),
    nextWindowStart: z.string().nullable(),
    caps: seatCapsSchema,
    upcoming: z.array(upcomingActionSchema),
  })
  .openapi('SeatOutlook');
