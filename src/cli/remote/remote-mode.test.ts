import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cliMode, scanGlobalFlags, serverUrl } from './remote-mode.ts';

const token = 'sl_tok_' + 'a'.repeat(43);

describe('cliMode', () => {
  it('is local without a server, whatever else is on the command line', () => {
    expect(cliMode(['search', 'java', '--db', 'x.db'], {})).toEqual({ kind: 'local' });
    expect(cliMode(['candidates', 'list'], { SCOUTLINE_TOKEN: token })).toEqual({ kind: 'local' });
  });

  it('is remote with --server or SCOUTLINE_SERVER, the token from the flag, the file or the environment', () => {
    expect(cliMode(['--server', 'http://127.0.0.1:4477/', '--token', token, 'me'], {})).toEqual({ kind: 'remote', server: 'http://127.0.0.1:4477', token });
    expect(cliMode(['me', '--server=https://s.example.com/scoutline', `--token=${token}`], {})).toEqual({ kind: 'remote', server: 'https://s.example.com/scoutline', token });
    expect(cliMode(['me'], { SCOUTLINE_SERVER: 'http://h:1', SCOUTLINE_TOKEN: `${token}\n` })).toEqual({ kind: 'remote', server: 'http://h:1', token });
    expect(cliMode(['api', 'GET', '/api/health'], { SCOUTLINE_SERVER: 'http://h:1' })).toEqual({ kind: 'remote', server: 'http://h:1', token: null });
    const dir = mkdtempSync(join(tmpdir(), 'scoutline-token-'));
    try {
      writeFileSync(join(dir, 't'), `${token}\n`);
      expect(cliMode(['--server', 'http://h:1', '--token-file', join(dir, 't'), 'me'], { SCOUTLINE_TOKEN: 'sl_tok_other' })).toMatchObject({ token });
      expect(cliMode(['--server', 'http://h:1', 'me'], { SCOUTLINE_TOKEN_FILE: join(dir, 't') })).toMatchObject({ token });
      expect(() => cliMode(['--server', 'http://h:1', '--token-file', join(dir, 'missing'), 'me'], {})).toThrow(/cannot read the token file .*ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a server and a database together, a token without a server, and malformed values, without echoing the token', () => {
    expect(() => cliMode(['--server', 'http://h:1', '--db', 'x.db', 'me'], {})).toThrow(/either --db .* not both/);
    expect(() => cliMode(['--db', 'x.db', 'me'], { SCOUTLINE_SERVER: 'http://h:1' })).toThrow(/SCOUTLINE_SERVER/);
    expect(() => cliMode(['--token', token, 'me'], {})).toThrow(/give --server URL too/);
    expect(() => cliMode(['--server', 'ftp://h', 'me'], {})).toThrow(/http:\/\/ or https:\/\//);
    expect(() => serverUrl('http://user:pw@h:1')).toThrow(/no user name or password/);
    const spaced = 'sl_tok_abc def';
    try {
      cliMode(['--server', 'http://h:1', '--token', spaced, 'me'], {});
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).not.toContain('abc');
    }
    expect(() => cliMode(['--server', 'http://h:1', '--token', token, '--token-file', 'f', 'me'], {})).toThrow(/not both/);
  });

  it('reads the flags in either spelling and anywhere before --, and never past it (property)', () => {
    // words that are not options themselves (an option before ours could take it as its value)
    const word = fc.stringMatching(/^[a-z0-9:/._][a-z0-9:/._-]{0,19}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 5 }), fc.array(word, { maxLength: 5 }), word, fc.boolean(), (before, after, server, joined) => {
        const flag = joined ? [`--server=${server}`] : ['--server', server];
        expect(scanGlobalFlags([...before, ...flag, ...after]).server).toBe(server);
        expect(scanGlobalFlags([...before, '--', ...flag, ...after]).server).toBeUndefined();
      }),
    );
  });
});
