import { z } from 'zod';
import { messageRoleSchema } from '../../messages/message-role.ts';
import { roleProfileSchema, type RoleProfile } from '../../ranking/role-profile.ts';
import { executorRoutingSchema, type ExecutorRouting } from '../delivery/executor-registry.ts';
import { sequenceSchema, type Sequence } from './sequence-step.ts';

/**
 * A campaign: a role, the seats that send, the candidates (from a search, a
 * list of ids, or a file) and a sequence of steps (the default framework of
 * spec 6 unless given). Status: draft -> running <-> paused -> stopped.
 */
export const campaignStatuses = ['draft', 'running', 'paused', 'stopped'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

export const campaignSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('query'), query: z.string().min(1), limit: z.number().int().min(1).max(10_000).default(1000) }),
  z.object({ kind: z.literal('ids'), ids: z.array(z.number().int().positive()).min(1).max(10_000) }),
  z.object({ kind: z.literal('file'), name: z.string(), ids: z.array(z.number().int().positive()).min(1).max(10_000) }),
]);
export type CampaignSource = z.infer<typeof campaignSourceSchema>;

export const campaignInputSchema = z.object({
  name: z.string().min(1).max(200),
  /** a saved role (ranking) */
  roleId: z.string().nullable().default(null),
  /** or an inline role profile (ROLE.json) */
  role: roleProfileSchema.nullable().default(null),
  /** what messages say about the role; derived from the role when absent */
  messageRole: messageRoleSchema.nullable().default(null),
  /** the hiring company the messages name when they are derived from the role (default: the workspace's name) */
  company: z.string().trim().min(1).max(200).optional(),
  seatIds: z.array(z.string().min(1)).min(1).max(50),
  source: campaignSourceSchema,
  sequence: sequenceSchema.nullable().default(null),
  executors: executorRoutingSchema.default({}),
  /** explicit priorities by candidate id (otherwise ranking decides) */
  priorities: z.record(z.string(), z.number().min(0).max(100)).default({}),
});
export type CampaignInput = z.infer<typeof campaignInputSchema>;
export type CampaignInputLoose = z.input<typeof campaignInputSchema>;

export interface Campaign {
  id: string;
  workspaceId: string;
  name: string;
  roleId: string | null;
  role: RoleProfile | null;
  messageRole: z.infer<typeof messageRoleSchema> | null;
  status: CampaignStatus;
  sequence: Sequence;
  seatIds: string[];
  executors: ExecutorRouting;
  source: CampaignSource;
  createdAt: string;
  launchedAt: string | null;
  updatedAt: string;
}

export interface CampaignSummary extends Campaign {
  enrollments: number;
  byState: Record<string, number>;
  actions: Record<string, number>;
}
