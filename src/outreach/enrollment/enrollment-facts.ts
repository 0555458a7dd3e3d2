import type { EnrollmentState } from './enrollment-state-machine.ts';

/**
 * What the pure sequence logic knows about one enrollment: the facts the
 * store keeps on the enrollment row. Times are UTC ISO instants.
 */
export interface EnrollmentFacts {
  id: string;
  campaignId: string;
  candidateId: number;
  seatId: string;
  state: EnrollmentState;
  /** index of the next sequence step to consider (steps before it ran or were passed) */
  position: number;
  /** 0-100, fixed at enrollment */
  priority: number;
  hasEmail: boolean;
  emails: readonly string[];
  profileUrl: string | null;
  openProfile: boolean;
  /** already a 1st-degree connection of the seat at enrollment: no request needed, messages allowed */
  connected: boolean;
  enrolledAt: string;
  inviteSentAt: string | null;
  acceptedAt: string | null;
  declinedAt: string | null;
  withdrawnAt: string | null;
  lastActionAt: string | null;
  repliedAt: string | null;
  /** an action of this enrollment is planned, running or waiting for a person */
  hasOpenAction: boolean;
}

/** What an enrollment nothing has happened to yet knows: no request, answer, action or reply. */
export const untouchedEnrollment = {
  inviteSentAt: null,
  acceptedAt: null,
  declinedAt: null,
  withdrawnAt: null,
  lastActionAt: null,
  repliedAt: null,
  hasOpenAction: false,
} as const satisfies Partial<EnrollmentFacts>;

export type InviteStatus = 'none' | 'pending' | 'accepted' | 'declined' | 'withdrawn';

export function inviteStatus(e: Pick<EnrollmentFacts, 'inviteSentAt' | 'acceptedAt' | 'declinedAt' | 'withdrawnAt'>): InviteStatus {
  if (e.acceptedAt) return 'accepted';
  if (e.declinedAt) return 'declined';
  if (e.withdrawnAt) return 'withdrawn';
  if (e.inviteSentAt) return 'pending';
  return 'none';
}
