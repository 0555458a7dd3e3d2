import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { describeEachBackend } from '../db/test-backends.ts';
import { countCandidates } from '../candidates/candidate-store.ts';
import { signedInApp } from './test-app.ts';
import { defaultBodyLimits } from './body-limits.ts';

/**
 * Body limits through a real listening socket on 127.0.0.1, so chunked
 * uploads are real: an oversized body is refused with 413 while the client
 * is still sending (the server does not read, let alone hold, the rest),
 * a declared Content-Length over the limit is refused before one byte of
 * the body is sent, and a large valid import, far over the JSON limit,
 * still streams through.
 */

interface Upload {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** body bytes the client had handed to the socket when the answer arrived */
  sentWhenAnswered: number;
  /** the connection was closed under the client before it finished sending */
  cutOff: boolean;
}

/**
 * Sends `total` bytes of `chunk`s (chunked, unless Content-Length is given),
 * waiting for the socket to drain between writes so `sent` is what really
 * left, and stops sending once the answer is in.
 */
function upload(port: number, path: string, headers: Record<string, string>, chunks: () => Iterator<Buffer>, options: { waitForAnswerFirst?: boolean } = {}): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers });
    let sent = 0;
    let answered: Omit<Upload, 'body'> | undefined;
    let finished = false;
    let cutOff = false;
    req.on('response', (res) => {
      answered = { status: res.statusCode!, headers: res.headers, sentWhenAnswered: sent, cutOff: false };
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ ...answered!, body, cutOff: cutOff || !finished }));
      res.on('error', () => resolve({ ...answered!, body, cutOff: true }));
    });
    req.on('error', (err) => {
      cutOff = true;
      // a reset after the answer is the server closing an upload it refused; before it, a failure
      if (!answered) reject(err);
    });
    const it = chunks();
    const pump = () => {
      for (;;) {
        if (answered || req.destroyed) return;
        const next = it.next();
        if (next.done) {
          finished = true;
          req.end();
          return;
        }
        sent += next.value.length;
        if (!req.write(next.value)) {
          req.once('drain', pump);
          return;
        }
      }
    };
    if (options.waitForAnswerFirst) {
      req.flushHeaders();
      // nothing is sent until the server answers (or, were it to wait for the body, until the test times out)
      req.once('response', () => undefined);
    } else pump();
  });
}

function* repeated(chunk: Buffer, total: number): Generator<Buffer> {
  for (let sent = 0; sent < total; sent += chunk.length) yield chunk;
}

/** NDJSON JSON Resume records, `count` of them, in chunks of about 64 KiB. */
function* ndjsonRecords(count: number, tag: string): Iterator<Buffer> {
  let buf = '';
  for (let i = 0; i < count; i++) {
    buf += `${JSON.stringify({ basics: { name: `Large Import ${tag} ${i}`, email: `large-${tag}-${i}@example.test`, summary: 'Builds streaming systems. '.repeat(8) } })}\n`;
    if (buf.length >= 64 * 1024) {
      yield Buffer.from(buf);
      buf = '';
    }
  }
  if (buf) yield Buffer.from(buf);
}

const MiB = 1024 * 1024;

describeEachBackend('body limits over a real socket', (getStore) => {
  let server: ServerType;
  let port: number;
  let auth: Record<string, string>;

  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('setup: the app with the default limits (import lowered to 16 MiB) on 127.0.0.1', async () => {
    const app = await signedInApp({ store: getStore(), webRoot: '/nonexistent', bodyLimits: { ...defaultBodyLimits, import: 16 * MiB } });
    auth = { authorization: `Bearer ${app.token}` };
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  });

  it('a chunked JSON body over 1 MiB gets 413 while the client is still sending, and the connection is closed', async () => {
    const total = 256 * MiB;
    const r = await upload(port, '/api/candidates', { ...auth, 'content-type': 'application/json' }, () => repeated(Buffer.alloc(64 * 1024, 0x20), total));
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'payload_too_large', message: 'the request body is over the 1 MiB limit for this route (set by SCOUTLINE_BODY_LIMIT)', details: { limit: MiB } } });
    expect(r.headers.connection).toBe('close');
    // the answer came after about 1 MiB (plus what sits in socket buffers), not after 256 MiB
    expect(r.sentWhenAnswered).toBeGreaterThan(MiB);
    expect(r.sentWhenAnswered).toBeLessThan(total / 8);
    expect(r.cutOff).toBe(true);
  });

  it('a declared Content-Length over the limit gets 413 before any of the body is sent', async () => {
    const r = await upload(port, '/api/candidates', { ...auth, 'content-type': 'application/json', 'content-length': String(50 * MiB) }, () => repeated(Buffer.alloc(0), 0), { waitForAnswerFirst: true });
    expect(r.status).toBe(413);
    expect(r.sentWhenAnswered).toBe(0);
    expect(JSON.parse(r.body).error.message).toBe('the request body (50 MiB, from Content-Length) is over the 1 MiB limit for this route (set by SCOUTLINE_BODY_LIMIT)');
  });

  it('the import has its own limit: a chunked import over it is cut off early with 413 naming SCOUTLINE_IMPORT_BODY_LIMIT, and nothing of it is stored', async () => {
    const before = await countCandidates(getStore(), 'default');
    const total = 512 * MiB;
    const line = Buffer.from(`${JSON.stringify({ basics: { name: 'Never Stored', summary: 'x'.repeat(2000) } })}\n`.repeat(32));
    const r = await upload(port, '/api/import', { ...auth, 'content-type': 'application/x-ndjson' }, () => repeated(line, total));
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'payload_too_large', message: expect.stringMatching(/over the 16 MiB limit for this route \(set by SCOUTLINE_IMPORT_BODY_LIMIT\)/) } });
    expect(r.sentWhenAnswered).toBeLessThan(total / 8);
    expect(r.cutOff).toBe(true);
    // a chunked body is spooled before anything is written, so the refused import left no batch behind
    expect(await countCandidates(getStore(), 'default')).toBe(before);
  });

  it('a large valid import, far over the JSON limit, streams through chunked and is all stored', async () => {
    const before = await countCandidates(getStore(), 'default');
    const r = await upload(port, '/api/import', { ...auth, 'content-type': 'application/x-ndjson' }, () => ndjsonRecords(12_000, 'a'));
    expect(r.status).toBe(200);
    expect(r.sentWhenAnswered).toBeGreaterThan(3 * MiB);
    expect(JSON.parse(r.body)).toMatchObject({ records: 12_000, imported: 12_000, skipped: 0 });
    expect(await countCandidates(getStore(), 'default')).toBe(before + 12_000);
  });

  it('one record over the per-record limit (1 MiB) inside an import is skipped and reported at its line; the records around it are stored (issue #14 item 4)', async () => {
    const before = await countCandidates(getStore(), 'default');
    function* body(): Iterator<Buffer> {
      yield Buffer.from(`${JSON.stringify({ basics: { name: 'Before Giant', email: 'before-giant@example.test' } })}\n{"basics":{"name":"Giant","summary":"`);
      // a 12 MiB record, sent in 64 KiB pieces: the server never holds it whole
      yield* repeated(Buffer.alloc(64 * 1024, 0x61), 12 * MiB);
      yield Buffer.from(`"}}\n${JSON.stringify({ basics: { name: 'After Giant', email: 'after-giant@example.test' } })}\n`);
    }
    const r = await upload(port, '/api/import', { ...auth, 'content-type': 'application/x-ndjson' }, body);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ records: 3, imported: 2, skipped: 1, errors: [{ line: 2, reason: 'the record is over the per-record limit of 1048576 characters; skipped' }] });
    expect(await countCandidates(getStore(), 'default')).toBe(before + 2);
  });
});
