import type { Channel } from '../core/channel.ts';

/**
 * The four steps of the outreach framework (spec section 6) and the LinkedIn
 * or email channel each one is sent through. Channel names are the outreach
 * executor's, so a composed message can be queued as it is.
 */
export const messageSteps = ['connection_note', 'follow_up', 'inmail', 'email'] as const;
export type MessageStep = (typeof messageSteps)[number];

export type MessageChannel = Extract<Channel, 'connection_request' | 'message' | 'inmail' | 'email'>;

export const stepChannel: Record<MessageStep, MessageChannel> = {
  connection_note: 'connection_request',
  follow_up: 'message',
  inmail: 'inmail',
  email: 'email',
};

export function isMessageStep(value: string): value is MessageStep {
  return (messageSteps as readonly string[]).includes(value);
}
