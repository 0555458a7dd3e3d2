import { actionResults } from './attribute-outcomes.ts';
import { ratio, weekdayLabels, type OutcomeEvent, type SentAction } from './analytics-event.ts';

/**
 * Reply rates by weekday of the send and by message length (pure,
 * chart-ready: always 7 weekday rows and 3 length rows, in order).
 *
 * Only messages count here: follow-up messages, InMails and emails.
 * Connection requests (notes are always under 300 characters, and their
 * answer is an acceptance), phone tasks and withdrawals are left out.
 */
export interface WeekdayRow {
  weekday: number;
  label: (typeof weekdayLabels)[number];
  sent: number;
  replied: number;
  replyRate: number | null;
}

export type LengthBucketKey = '<400' | '400-1000' | '>1000';

export interface LengthRow {
  bucket: LengthBucketKey;
  /** inclusive bounds in characters; max null = no upper bound */
  min: number;
  max: number | null;
  sent: number;
  replied: number;
  replyRate: number | null;
}

export const lengthBuckets: ReadonlyArray<{ bucket: LengthBucketKey; min: number; max: number | null }> = [
  { bucket: '<400', min: 0, max: 399 },
  { bucket: '400-1000', min: 400, max: 1000 },
  { bucket: '>1000', min: 1001, max: null },
];

export function lengthBucketOf(length: number): LengthBucketKey {
  return length < 400 ? '<400' : length <= 1000 ? '400-1000' : '>1000';
}

function isMessage(a: SentAction): boolean {
  return a.channel === 'message' || a.channel === 'inmail' || a.channel === 'email';
}

export function replyRateByWeekday(actions: readonly SentAction[], outcomes: readonly OutcomeEvent[]): WeekdayRow[] {
  const results = actionResults(actions, outcomes);
  const rows = weekdayLabels.map((label, i) => ({ weekday: i + 1, label, sent: 0, replied: 0, replyRate: null as number | null }));
  actions.forEach((a, i) => {
    if (!isMessage(a) || a.weekday < 1 || a.weekday > 7) return;
    const row = rows[a.weekday - 1];
    row.sent += 1;
    if (results[i].replied) row.replied += 1;
  });
  return rows.map((r) => ({ ...r, replyRate: ratio(r.replied, r.sent) }));
}

export function replyRateByLength(actions: readonly SentAction[], outcomes: readonly OutcomeEvent[]): LengthRow[] {
  const results = actionResults(actions, outcomes);
  const rows = lengthBuckets.map((b) => ({ ...b, sent: 0, replied: 0, replyRate: null as number | null }));
  actions.forEach((a, i) => {
    if (!isMessage(a) || a.length === null) return;
    const row = rows.find((r) => r.bucket === lengthBucketOf(a.length!))!;
    row.sent += 1;
    if (results[i].replied) row.replied += 1;
  });
  return rows.map((r) => ({ ...r, replyRate: ratio(r.replied, r.sent) }));
}
