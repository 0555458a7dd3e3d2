import { z } from 'zod';

/**
 * The role a message is about: what the composer needs of the ranking
 * engine's full role profile (structurally compatible, minimal).
 */
export const messageRoleSchema = z.object({
  title: z.string().min(1),
  /** the hiring company */
  company: z.string().min(1),
  skills: z.array(z.string()).default([]),
  location: z.string().default(''),
  /** one or two sentences on why the role is worth a look */
  pitch: z.string().default(''),
});
export type MessageRole = z.infer<typeof messageRoleSchema>;
export type MessageRoleInput = z.input<typeof messageRoleSchema>;
