import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScoutline, type CliRun } from '../cli/cli-process.ts';
import { openDatabase } from '../db/open-database.ts';
import { defaultSequence } from '../outreach/campaigns/default-sequence.ts';
import { maxInvitesInAnyWindow } from '../outreach/planning/pacing-rules.ts';
import { capDate } from '../outreach/planning/seat-history-store.ts';

/**
 * The "done when", from the CLI in tasks mode: a 500-candidate
 * campaign with A/B variants on its connection note is created and launched
 * with `bin/scoutline`, the worker fills the task queue on a virtual clock,
 * the recruiter does tasks and reports a reply, and analytics shows both
 * variants. Caps and suppression hold throughout.
 */
const dir = mkdtempSync(join(tmpdir(), 'scoutline-demo-cli-'));
const dbPath = join(dir, 'demo.db');
const env = { ...process.env, SCOUTLINE_DB: dbPath };
const cli = (args: string[]): Promise<CliRun> => runScoutline(args, { env, cwd: dir });
const ok = async (args: string[]): Promise<string> => {
  const r = await cli(args);
  if (r.code !== 0) throw new Error(`scoutline ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('500-candidate campaign end to end from the CLI (tasks mode, A/B note)', () => {
  it('creates, launches, queues tasks, takes answers and reports both variants', { timeout: 300_000 }, async () => {
    await ok(['demo-data', '--count', '500', '--json']);
    await ok(['seats', 'add', '--name', 'Lite Seat', '--id', 'lite', '--plan', 'recruiter-lite', '--time-zone', 'Europe/Berlin', '--weekly-invite-cap', '60']);
    await ok(['seats', 'add', '--name', 'Free Seat', '--id', 'free', '--time-zone', 'America/New_York', '--weekly-invite-cap', '40']);
    const store = await openDatabase(dbPath);
    let ids: number[];
    let seats: Array<{ id: string; time_zone: string; weekly_invite_cap: number }>;
    try {
      ids = (await store.db.selectFrom('candidates').select('id').orderBy('id').execute()).map((r) => Number(r.id));
      seats = await store.db.selectFrom('seats').select(['id', 'time_zone', 'weekly_invite_cap']).execute();
    } finally {
      await store.close();
    }
    expect(ids).toHaveLength(500);
    const suppressed = ids.slice(0, 3);
    for (const id of suppressed) await ok(['suppress', 'add', '--candidate', String(id), '--reason', 'in_process']);
    writeFileSync(join(dir, 'ids.txt'), ids.join('\n'));
    const sequence = defaultSequence.map((s) =>
      s.key === 'invite'
        ? { ...s, variants: [{ key: 'A', template: 'connection-note' }, { key: 'B', template: '---\nstep: connection_note\n---\nHi {{ candidate.first_name }}, {% if hook.company %}your work at {{ hook.company }}{% else %}your profile{% endif %} caught my eye. Open to connecting?' }] }
        : s,
    );
    writeFileSync(join(dir, 'sequence.json'), JSON.stringify(sequence));
    const created = JSON.parse(await ok(['campaign', 'create', '--name', 'CLI demo', ...seats.flatMap((s) => ['--seat', s.id]), '--candidates', join(dir, 'ids.txt'), '--sequence', join(dir, 'sequence.json'), '--launch', '--json'])) as { id: string; enrollments: number; status: string };
    expect(created).toMatchObject({ enrollments: 500, status: 'running' });
    const steps = await ok(['campaign', 'steps', created.id]);
    expect(steps).toMatch(/variant A/);
    expect(steps).toMatch(/variant B/);

    // a bad variant is refused with the step and the variant named, and exit status 21 (template_error)
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(sequence.map((s, i) => (i === 3 ? { ...s, variants: [{ key: 'X', template: '{{ oops' }] } : s))));
    const bad = await cli(['campaign', 'steps', created.id, '--set', join(dir, 'bad.json')]);
    expect(bad.code).toBe(21);
    expect(bad.stderr).toMatch(/step 4 \('email'\) variant 'X'/);

    await ok(['worker', '--fast-forward', '5', '--executor', 'tasks', '--step-minutes', '240']);
    const tasks = JSON.parse(await ok(['tasks', 'list', '--limit', '1000', '--json'])) as Array<{ actionId: string; campaignId: string; candidateId: number; channel: string; variant: string | null; withNote: boolean; lint: unknown[] }>;
    const ours = tasks.filter((t) => t.campaignId === created.id);
    expect(ours.length).toBeGreaterThan(20);
    expect(ours.every((t) => Array.isArray(t.lint))).toBe(true);
    const withNote = ours.filter((t) => t.channel === 'connection_request' && t.withNote);
    expect(new Set(withNote.map((t) => t.variant))).toEqual(new Set(['A', 'B']));

    // the recruiter sends four of each variant; one A candidate replies
    const done = [...withNote.filter((t) => t.variant === 'A').slice(0, 4), ...withNote.filter((t) => t.variant === 'B').slice(0, 4)];
    for (const t of done) await ok(['tasks', 'done', t.actionId]);
    const replier = done[0];
    const reply = ['outcome', String(replier.candidateId), '--kind', 'replied', '--reply-kind', 'positive', '--channel', 'connection_request', '--campaign', created.id, '--id', 'crm-reply-1'];
    await ok(reply);
    // the same outcome id again (a CRM re-sending its event): nothing changes, the reply is counted once below
    expect(await ok(reply)).toContain('outcome crm-reply-1 was reported before: nothing changed');

    const report = JSON.parse(await ok(['analytics', '--campaign', created.id, '--json'])) as { variants: Array<{ stepKey: string; variant: string; sent: number; replied: number; replyRate: number | null }> };
    const invite = report.variants.filter((v) => v.stepKey === 'invite');
    expect(invite.map((v) => [v.variant, v.sent, v.replied])).toEqual([
      ['A', 4, 1],
      ['B', 4, 0],
    ]);

    const check = await openDatabase(dbPath);
    try {
      const actions = await check.db.selectFrom('outreach_actions').selectAll().where('campaign_id', '=', created.id).execute();
      expect(actions.filter((a) => suppressed.includes(Number(a.candidate_id)))).toEqual([]);
      for (const seat of seats) {
        const counted = actions.filter((a) => a.seat_id === seat.id && a.channel === 'connection_request' && ['awaiting_person', 'sent', 'running', 'pending'].includes(a.status));
        expect(maxInvitesInAnyWindow(counted.map((a) => capDate(a, seat.time_zone)))).toBeLessThanOrEqual(seat.weekly_invite_cap);
      }
    } finally {
      await check.close();
    }
  });
});
