import { expect, it } from 'vitest';
import { openDatabase } from '../open-database.ts';
import { migrateToLatest, migrateUpTo } from '../migrate.ts';

it('SQLite: a database with emails keeps them, their owners and the cascade when the email index becomes a WITHOUT ROWID table', async () => {
  const store = await openDatabase(':memory:', { migrate: false });
  try {
    // the schema as it was before 0012, with data in it
    await migrateUpTo(store.db, 'sqlite', '0011-candidate-notes');
    const raw = store.sqlite!;
    const now = '2026-01-01T00:00:00.000Z';
    const insert = raw.prepare(`INSERT INTO candidates (workspace_id, name, imported_at, updated_at) VALUES ('default', ?, '${now}', '${now}')`);
    const ada = Number(insert.run('Ada').lastInsertRowid);
    const bob = Number(insert.run('Bob').lastInsertRowid);
    const email = raw.prepare(`INSERT INTO candidate_emails (workspace_id, email, candidate_id) VALUES ('default', ?, ?)`);
    email.run('ada@example.com', ada);
    email.run('ada@work.example', ada);
    email.run('bob@example.com', bob);

    await migrateToLatest(store.db, 'sqlite');

    const ddl = raw.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'candidate_emails'`).get() as { sql: string };
    expect(ddl.sql).toMatch(/WITHOUT ROWID/);
    expect(raw.prepare('SELECT email, candidate_id FROM candidate_emails ORDER BY email').all()).toEqual([
      { email: 'ada@example.com', candidate_id: ada },
      { email: 'ada@work.example', candidate_id: ada },
      { email: 'bob@example.com', candidate_id: bob },
    ]);
    // one owner per email and workspace, as before
    expect(() => email.run('bob@example.com', ada)).toThrow(/UNIQUE|PRIMARY KEY/);
    // deleting a candidate still removes its emails
    raw.prepare('DELETE FROM candidates WHERE id = ?').run(ada);
    expect(raw.prepare('SELECT email FROM candidate_emails').all()).toEqual([{ email: 'bob@example.com' }]);
    expect(raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'candidate_emails' AND name = 'candidate_emails_candidate'`).get()).toBeTruthy();
  } finally {
    await store.close();
  }
});
