import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../remote/in-process-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'scoutline-campaign-cli-'));
const db = join(dir, 'c.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Campaigns named as a recruiter names them on the command line (#16 item 11), and the company their messages name (#16 item 1). */
describe('scoutline campaign, by name', () => {
  it('creates with --company, then shows, simulates and launches by name; an unknown name points to `campaign list`', async () => {
    expect((await runInProcess(['demo-data', '--count', '30', '--db', db])).code).toBe(0);
    expect((await runInProcess(['seats', 'add', '--name', 'Kim Park', '--db', db])).code).toBe(0);
    const role = join(dir, 'ROLE.json');
    writeFileSync(role, JSON.stringify({ name: 'Senior .NET Engineer', query: 'title:engineer', titles: ['Senior .NET Engineer'] }));
    const created = await runInProcess(['campaign', 'create', '--name', 'Backend Q1', '--seat', 'kim-park', '--query', 'title:engineer', '--role', role, '--company', 'Contoso', '--db', db, '--json']);
    expect(created.code, created.stderr).toBe(0);
    const id = JSON.parse(created.stdout).id as string;

    const shown = await runInProcess(['campaign', 'show', 'backend q1', '--db', db]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id, name: 'Backend Q1', messageRole: { title: 'Senior .NET Engineer', company: 'Contoso' } });
    const simulated = await runInProcess(['campaign', 'simulate', 'Backend Q1', '--days', '3', '--start', '2026-06-01', '--db', db, '--json']);
    expect(simulated.code, simulated.stderr).toBe(0);
    const launched = await runInProcess(['campaign', 'launch', 'Backend Q1', '--db', db, '--json']);
    expect(launched.code, launched.stderr).toBe(0);
    expect(JSON.parse(launched.stdout)).toMatchObject({ id, status: 'running' });

    const unknown = await runInProcess(['campaign', 'show', 'Frontend Q1', '--db', db]);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('no campaign with the id or name "Frontend Q1". `scoutline campaign list` shows the campaigns');
  }, 120_000);
});
