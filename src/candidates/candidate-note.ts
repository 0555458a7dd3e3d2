import { z } from 'zod';

/** A recruiter's note on a candidate: free text, optionally signed by the seat that wrote it. */
export const candidateNoteInputSchema = z.object({
  text: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'a note needs some text').max(5000, 'a note is at most 5000 characters')),
  authorSeatId: z.string().min(1).nullable().default(null),
});
export type CandidateNoteInput = z.infer<typeof candidateNoteInputSchema>;

export interface CandidateNote {
  id: number;
  candidateId: number;
  text: string;
  authorSeatId: string | null;
  /** the member who wrote it (null for notes from before accounts, or by the local CLI) */
  authorUserId: string | null;
  /** that member's account, for showing who wrote it (null when unknown or the account is gone) */
  author: { userId: string; email: string; name: string } | null;
  createdAt: string;
}
