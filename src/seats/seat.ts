import { z } from 'zod';

/**
 * A seat is one recruiter's LinkedIn account inside a workspace: its plan
 * (null = no paid plan, so no InMail), whether the LinkedIn account is paid
 * (note length and monthly note quota depend on it), its time zone and
 * working hours (pacing), and the recruiter's own employers and schools
 * (shared-background signals for ranking and message hooks).
 */
export const workingHoursSchema = z.object({
  /** 'HH:MM' local time in the seat's time zone */
  start: z.string().regex(/^\d{2}:\d{2}$/).default('09:00'),
  end: z.string().regex(/^\d{2}:\d{2}$/).default('17:30'),
  /** ISO weekdays 1=Monday..7=Sunday */
  days: z.array(z.number().int().min(1).max(7)).default([1, 2, 3, 4, 5]),
});
export type WorkingHours = z.infer<typeof workingHoursSchema>;

export const seatInputSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i, 'seat id: letters, digits, - and _').optional(),
  name: z.string().min(1),
  /** plan id from the credit plan catalogue, or null for a free LinkedIn account */
  plan: z.string().nullable().default(null),
  paid: z.boolean().default(false),
  timeZone: z.string().default('UTC'),
  workingHours: workingHoursSchema.default({ start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] }),
  weeklyInviteCap: z.number().int().min(0).max(500).default(100),
  /** pooled contracts (recruiter-corporate): seats with the same contract id share credits */
  contractId: z.string().nullable().default(null),
  employers: z.array(z.string()).default([]),
  schools: z.array(z.string()).default([]),
  /** the member who works this LinkedIn account; null: unassigned (only admins and owners work it) */
  ownerUserId: z.string().min(1).nullable().default(null),
});
export type SeatInput = z.infer<typeof seatInputSchema>;

export interface Seat extends Omit<SeatInput, 'id'> {
  id: string;
  workspaceId: string;
  createdAt: string;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
