import type { MessageChannel } from './message-step.ts';

/** The part of a seat the limits depend on. */
export interface SeatPlanFlag {
  /** paid LinkedIn account: 300-character notes instead of 200 */
  paid: boolean;
}

export interface ChannelLimit {
  channel: MessageChannel;
  /** maximum code points of the rendered body */
  body: number;
  /** maximum code points of the subject, or null when the channel has no subject */
  subject: number | null;
}

/** Spec section 3. Email is not limited by the spec: Scoutline caps it like a message (docs/messages.md). */
export const messageLimits = {
  connectionNotePaid: 300,
  connectionNoteFree: 200,
  inmailSubject: 200,
  inmailBody: 1900,
  message: 8000,
  emailSubject: 200,
  emailBody: 8000,
} as const;

/** The limits a rendered message must meet on a channel for a seat. */
export function channelLimit(channel: MessageChannel, seat: SeatPlanFlag): ChannelLimit {
  switch (channel) {
    case 'connection_request':
      return { channel, body: seat.paid ? messageLimits.connectionNotePaid : messageLimits.connectionNoteFree, subject: null };
    case 'inmail':
      return { channel, body: messageLimits.inmailBody, subject: messageLimits.inmailSubject };
    case 'message':
      return { channel, body: messageLimits.message, subject: null };
    case 'email':
      return { channel, body: messageLimits.emailBody, subject: messageLimits.emailSubject };
  }
}
