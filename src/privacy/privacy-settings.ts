import { z } from 'zod';

/**
 * A workspace's privacy settings (workspace settings key `privacy`): the
 * lawful basis it declares for processing candidates' data, the address of
 * its privacy notice (templates insert it as `{{ privacy_notice_url }}`), and
 * its retention policy. What each means for a recruiter: docs/privacy.md.
 */
export const lawfulBases = ['legitimate_interest', 'consent', 'contract', 'legal_obligation'] as const;
export type LawfulBasis = (typeof lawfulBases)[number];

export const lawfulBasisLabels: Record<LawfulBasis, string> = {
  legitimate_interest: 'Legitimate interest (GDPR art. 6(1)(f))',
  consent: 'Consent (art. 6(1)(a))',
  contract: 'Steps before a contract at the person’s request (art. 6(1)(b))',
  legal_obligation: 'Legal obligation (art. 6(1)(c))',
};

export const retentionActions = ['flag', 'erase'] as const;
export type RetentionAction = (typeof retentionActions)[number];

/** A web address people can open: http(s) only (a javascript: or data: link in a message is refused), no credentials, at most 500 characters. */
export const noticeUrlSchema = z
  .string()
  .trim()
  .max(500, 'the privacy notice address is over 500 characters')
  .refine((u) => {
    try {
      const url = new URL(u);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '' && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'the privacy notice address must be an http:// or https:// web address, e.g. https://example.com/privacy');

export const retentionPolicySchema = z
  .object({
    /** candidates with no activity for this many months are affected; null: no retention policy */
    months: z.number().int().min(1, 'retention is at least 1 month').max(120, 'retention is at most 120 months').nullable().default(null),
    /** flag them for review, or erase them */
    action: z.enum(retentionActions).default('flag'),
    /** the worker applies it once a day (inside `serve`, or `scoutline worker`) */
    schedule: z.boolean().default(false),
  })
  .strict();
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

export const privacySettingsSchema = z
  .object({
    lawfulBasis: z.enum(lawfulBases).nullable().default(null),
    /** where the workspace documents it (a legitimate-interest assessment, a consent record): free text, shown with the basis */
    lawfulBasisNote: z.string().max(1000).default(''),
    privacyNoticeUrl: noticeUrlSchema.nullable().default(null),
    retention: retentionPolicySchema.default({ months: null, action: 'flag', schedule: false }),
  })
  .strict();
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

/** The last time the retention policy was applied (kept by Scoutline, not set by people). */
export interface RetentionRun {
  at: string;
  by: string;
  action: RetentionAction;
  flagged: number;
  erased: number;
  skipped: number;
}

export interface StoredPrivacySettings extends PrivacySettings {
  lastRetentionRun: RetentionRun | null;
}

export const defaultPrivacySettings: StoredPrivacySettings = privacySettingsFrom(undefined);

/** The stored value read leniently: a damaged or older value falls back field by field to the defaults, never to an error. */
export function privacySettingsFrom(stored: unknown): StoredPrivacySettings {
  const o = stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const field = <T>(schema: z.ZodType<T>, value: unknown, fallback: T): T => {
    const r = schema.safeParse(value);
    return r.success ? r.data : fallback;
  };
  const run = o.lastRetentionRun as RetentionRun | undefined;
  return {
    lawfulBasis: field(z.enum(lawfulBases).nullable(), o.lawfulBasis ?? null, null),
    lawfulBasisNote: field(z.string().max(1000), o.lawfulBasisNote ?? '', ''),
    privacyNoticeUrl: field(noticeUrlSchema.nullable(), o.privacyNoticeUrl ?? null, null),
    retention: field(retentionPolicySchema, o.retention ?? {}, { months: null, action: 'flag', schedule: false }),
    lastRetentionRun: run && typeof run.at === 'string' ? run : null,
  };
}

/** The notice address templates insert, or '' (a template using it outside an optional segment then fails lint: empty_variable). */
export function privacyNoticeUrlOf(settings: unknown): string {
  return privacySettingsFrom(settings).privacyNoticeUrl ?? '';
}
