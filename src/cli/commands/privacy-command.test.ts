import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../access/audit-store.ts';
import { normaliseCandidateInput, upsertCandidates } from '../../candidates/candidate-store.ts';
import { exitStatusFor } from '../../core/error-codes.ts';
import { openDatabase } from '../../db/open-database.ts';
import { listRetentionFlags } from '../../privacy/retention-store.ts';
import { runScoutline, type CliRun } from '../cli-process.ts';

/** each test spawns the CLI a few times; on a loaded machine one start can take many seconds */
const spawnTimeout = 240_000;
const dir = mkdtempSync(join(tmpdir(), 'scoutline-privacy-cli-'));
const db = join(dir, 'privacy.db');
const scoutline = (args: string[]): Promise<CliRun> => runScoutline([...args, '--db', db], { env: { ...process.env, SCOUTLINE_DB: '' } });
let stale = 0;
let fresh = 0;

describe('scoutline privacy (issue #14 item 7)', () => {
  beforeAll(async () => {
    const store = await openDatabase(db);
    try {
      [stale, fresh] = (
        await upsertCandidates(store, 'default', [normaliseCandidateInput({ firstName: 'Stale', lastName: 'Person', emails: ['stale@privacy-cli.example'] })], '2023-03-01T00:00:00.000Z')
      ).outcomes
        .map((o) => o.id)
        .concat((await upsertCandidates(store, 'default', [normaliseCandidateInput({ firstName: 'Fresh', lastName: 'Person', emails: ['fresh@privacy-cli.example'] })])).outcomes.map((o) => o.id));
    } finally {
      await store.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exports one person to a file only its owner can read, holding that person and no one else, and audits it without their data', { timeout: spawnTimeout }, async () => {
    const out = join(dir, 'stale.json');
    const r = await scoutline(['privacy', 'export', String(stale), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`wrote the export of candidate ${stale} to ${out}`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const text = readFileSync(out, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'scoutline.data-subject-export' });
    expect(text).toContain('stale@privacy-cli.example');
    expect(text).not.toContain('fresh@privacy-cli.example');
    const bad = await scoutline(['privacy', 'export', 'abc']);
    expect(bad.code).toBe(exitStatusFor('invalid_input'));
    expect(bad.stderr).toContain("candidate id must be a positive whole number, got 'abc'");

    const store = await openDatabase(db);
    try {
      const entry = (await listAudit(store, 'default', { action: 'export' })).entries[0];
      expect(entry).toMatchObject({ action: 'export', target: `candidate:${stale}`, via: 'cli' });
      expect(JSON.stringify(entry)).not.toMatch(/stale@|Stale/);
    } finally {
      await store.close();
    }
  });

  it('shows and changes the settings; a bad value is refused naming the field and changes nothing', { timeout: spawnTimeout }, async () => {
    const set = await scoutline(['privacy', 'settings', '--lawful-basis', 'legitimate_interest', '--notice-url', 'https://example.test/privacy', '--retention-months', '12', '--retention-action', 'flag', '--json']);
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ settings: { lawfulBasis: 'legitimate_interest', privacyNoticeUrl: 'https://example.test/privacy', retention: { months: 12, action: 'flag', schedule: false } }, changed: expect.arrayContaining(['lawfulBasis', 'privacyNoticeUrl']) });
    const bad = await scoutline(['privacy', 'settings', '--notice-url', 'javascript:alert(1)', '--retention-months', '500']);
    expect(bad.code).toBe(exitStatusFor('invalid_input'));
    expect(bad.stderr).toMatch(/^scoutline: invalid_input: invalid privacy settings: .*privacyNoticeUrl.*retention\.months/);
    const shown = await scoutline(['privacy', 'settings']);
    expect(shown.stdout).toContain('privacy notice:  https://example.test/privacy');
    expect(shown.stdout).toContain('retention:       flag candidates with no activity for 12 months, applied by hand');
  });

  it('a dry run lists who the policy affects and changes nothing; --if-due leaves an unscheduled policy alone; apply flags them', { timeout: spawnTimeout }, async () => {
    const dry = await scoutline(['privacy', 'retention', 'dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    const plan = JSON.parse(dry.stdout) as { total: number; candidates: Array<{ id: number; name: string }> };
    expect(plan.candidates.map((c) => c.id)).toEqual([stale]);
    const notDue = await scoutline(['privacy', 'retention', 'apply', '--if-due']);
    expect(notDue.stdout).toContain('not due: the policy is not scheduled, or was applied today');
    const applied = await scoutline(['privacy', 'retention', 'apply']);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/^flagged 1 candidates with no activity since /);
    const store = await openDatabase(db);
    try {
      expect((await listRetentionFlags(store, 'default', 10)).flags.map((f) => f.candidateId)).toEqual([stale]);
      expect(fresh).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});
