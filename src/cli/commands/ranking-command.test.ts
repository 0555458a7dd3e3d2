import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../remote/in-process-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'scoutline-ranking-cli-'));
const db = join(dir, 'r.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `rank`, `roles` and `seats` as a recruiter types them (#16 item 11). */
describe('scoutline rank and roles, as typed', () => {
  it('lists with no subcommand, ranks a saved role by its name, and points to `roles list` when nothing matches', async () => {
    expect((await runInProcess(['demo-data', '--count', '40', '--db', db])).code).toBe(0);
    const file = join(dir, 'ROLE.json');
    writeFileSync(file, JSON.stringify({ id: 'backend', name: 'Senior Backend Engineer', query: 'title:engineer', titles: ['Backend Engineer'] }));
    expect((await runInProcess(['roles', 'save', file, '--db', db])).code).toBe(0);

    const roles = await runInProcess(['roles', '--db', db]);
    expect(roles.code, roles.stderr).toBe(0);
    expect(roles.stdout).toContain('backend');
    expect(roles.stdout).toContain('Senior Backend Engineer');
    expect((await runInProcess(['seats', 'add', '--name', 'Kim Park', '--db', db])).code).toBe(0);
    const seats = await runInProcess(['seats', '--db', db, '--json']);
    expect(seats.code, seats.stderr).toBe(0);
    expect(JSON.parse(seats.stdout).seats.map((x: { name: string }) => x.name)).toEqual(['Kim Park']);

    const byName = await runInProcess(['rank', 'senior backend engineer', '--db', db, '--json', '--limit', '3']);
    expect(byName.code, byName.stderr).toBe(0);
    expect(JSON.parse(byName.stdout).role).toMatchObject({ id: 'backend', name: 'Senior Backend Engineer' });

    const unknown = await runInProcess(['rank', 'Staff Platform Engineer', '--db', db]);
    expect(unknown.code).toBe(4); // not_found
    expect(unknown.stderr).toContain('no ROLE.json file and no saved role with the id or name "Staff Platform Engineer"');
    expect(unknown.stderr).toContain('`scoutline roles list`');
  }, 120_000);
});
