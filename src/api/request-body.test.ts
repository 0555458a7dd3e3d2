import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describeEachBackend } from '../db/test-backends.ts';
import { signedInApp, type SignedInApp } from './test-app.ts';
import { errorResponse } from './error-response.ts';
import { countCandidates } from '../candidates/candidate-store.ts';

/**
 * The request boundary on real routes: every malformed body, wrong content
 * type, text that cannot be stored and oversized body is a 4xx in the error
 * table's shape naming what and where, and nothing is written.
 */

const json = (body: string | Uint8Array, contentType: string | null = 'application/json'): RequestInit => ({
  method: 'POST',
  headers: contentType ? { 'content-type': contentType } : {},
  // a Uint8Array body gets no Content-Type of its own (a string would get text/plain)
  body: (typeof body === 'string' && contentType === null ? new TextEncoder().encode(body) : body) as BodyInit,
});

async function refusal(res: Response): Promise<{ status: number; code: string; message: string; details?: Record<string, unknown> }> {
  const body = (await res.json()) as { error: { code: string; message: string; details?: Record<string, unknown> } };
  return { status: res.status, ...body.error };
}

describeEachBackend('request body boundary', (getStore) => {
  let app: SignedInApp;
  const candidates = () => countCandidates(getStore(), 'default');

  it('setup', async () => {
    app = await signedInApp({ store: getStore(), webRoot: '/nonexistent', bodyLimits: { default: 4096 } });
  });

  it('answers malformed, empty and trailing-garbage JSON with 400 naming line and column', async () => {
    expect(await refusal(await app.request('/api/candidates', json('{"candidates": [{"name": "Ada"},]}')))).toMatchObject({
      status: 400,
      code: 'invalid_input',
      message: "malformed JSON in the request body at line 1, column 33: unexpected ']' where a value should start",
      details: { where: 'body', position: 32, line: 1, column: 33 },
    });
    expect(await refusal(await app.request('/api/candidates', json('')))).toMatchObject({ status: 400, code: 'invalid_input', message: expect.stringMatching(/request body is empty/) });
    expect(await refusal(await app.request('/api/candidates', json('{"candidates": []}\n{"x": 1}')))).toMatchObject({
      status: 400,
      message: "malformed JSON in the request body at line 2, column 1: unexpected '{' after the end of the JSON value",
    });
    expect(await refusal(await app.request('/api/search', json('{"query": "rust')))).toMatchObject({ status: 400, message: expect.stringMatching(/string starting at line 1, column 11 is not closed/) });
    expect(await candidates()).toBe(0);
  });

  it('answers a text/plain body or one without a content type with 415 naming what the route takes', async () => {
    expect(await refusal(await app.request('/api/candidates', json('{"candidates": [{"name": "Ada"}]}', 'text/plain')))).toMatchObject({
      status: 415,
      code: 'unsupported_media_type',
      message: "Content-Type 'text/plain' is not taken here: this route takes application/json",
      details: { accepted: ['application/json'] },
    });
    expect(await refusal(await app.request('/api/candidates', json('{"candidates": [{"name": "Ada"}]}', null)))).toMatchObject({ status: 415, message: expect.stringMatching(/no Content-Type/) });
    expect(await refusal(await app.request('/api/candidates', json('{"candidates": [{"name": "Ada"}]}', 'application/json; charset=latin1')))).toMatchObject({ status: 415, message: expect.stringMatching(/must be UTF-8/) });
    expect(await candidates()).toBe(0);
  });

  it('refuses NUL and lone surrogates in any string or key with 400 naming the field, on both backends the same', async () => {
    expect(await refusal(await app.request('/api/candidates', json(JSON.stringify({ candidates: [{ name: 'Ada' }, { name: 'Ada\u0000Lovelace' }] }))))).toMatchObject({
      status: 400,
      code: 'invalid_input',
      message: 'invalid json: candidates.1.name: contains a NUL character (U+0000) at index 3, which text may not hold',
      details: { issues: [{ path: ['candidates', '1', 'name'], message: expect.stringMatching(/NUL/) }] },
    });
    expect(await refusal(await app.request('/api/candidates', json('{"candidates": [{"name": "x", "skills": ["a\\ud83d"]}]}')))).toMatchObject({
      status: 400,
      details: { issues: [{ path: ['candidates', '0', 'skills', '0'], message: expect.stringMatching(/lone UTF-16 surrogate \(U\+D83D\) at index 1/) }] },
    });
    expect(await refusal(await app.request('/api/search', json('{"query": "x", "a\\u0000b": 1}')))).toMatchObject({ status: 400, details: { issues: [{ path: ['a\\u0000b'], message: expect.stringMatching(/^its name contains a NUL/) }] } });
    expect(await refusal(await app.request('/api/candidates?limit=5&q=a%00b', { method: 'GET' }))).toMatchObject({ status: 400, message: expect.stringMatching(/^invalid query: q: contains a NUL/) });
    expect(await refusal(await app.request('/api/candidates/1%00', { method: 'GET' }))).toMatchObject({ status: 400, message: expect.stringMatching(/path contains an encoded NUL/) });
    expect(await candidates()).toBe(0);
    // emoji and right-to-left text are text like any other
    const ok = await app.request('/api/candidates', json(JSON.stringify({ candidates: [{ name: '\u200fעדה 😀 \u202eLovelace' }] })));
    expect(ok.status).toBe(200);
    expect(await candidates()).toBe(1);
  });

  it('refuses bytes that are not UTF-8 and nesting deeper than any body needs', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('{"query": "caf'), 0xe9, ...new TextEncoder().encode('"}')]);
    expect(await refusal(await app.request('/api/search', json(bytes)))).toMatchObject({ status: 400, message: 'the request body is not valid UTF-8 (byte 0xe9 at offset 14)', details: { byteOffset: 14 } });
    const deep = `{"query": "x", "extra": ${'['.repeat(200)}${']'.repeat(200)}}`;
    expect(await refusal(await app.request('/api/search', json(deep)))).toMatchObject({ status: 400, message: expect.stringMatching(/^invalid json: extra\.0\.0.*nested more than 64 levels deep/) });
  });

  it('takes an optional body sent empty as no body', async () => {
    const res = await app.request('/api/outreach/seats/no-such-seat/pause', json(''));
    expect(await refusal(res)).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('refuses an outcome time that is not ISO 8601 with 400 naming `at`, not a 500', async () => {
    const res = await app.request('/api/outcomes', json(JSON.stringify({ candidateId: 1, kind: 'accepted', at: 'March 5, 2026', source: 'api' })));
    expect(await refusal(res)).toMatchObject({ status: 400, code: 'invalid_input', message: expect.stringMatching(/^invalid json: at: expected an ISO 8601 timestamp/) });
  });

  it('refuses a body over the limit with 413 naming the limit, by Content-Length before reading and by counting without one', async () => {
    const big = JSON.stringify({ candidates: [{ name: 'Ada', summary: 'x'.repeat(5000) }] });
    const declared = await app.request('/api/candidates', { ...json(big), headers: { 'content-type': 'application/json', 'content-length': String(big.length) } });
    expect(declared.headers.get('connection')).toBe('close');
    expect(await refusal(declared)).toMatchObject({
      status: 413,
      code: 'payload_too_large',
      message: `the request body (${(big.length / 1024).toFixed(1)} KiB, from Content-Length) is over the 4 KiB limit for this route (set by SCOUTLINE_BODY_LIMIT)`,
      details: { limit: 4096, limitName: 'SCOUTLINE_BODY_LIMIT' },
    });
    const streamed = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < big.length; i += 1000) c.enqueue(new TextEncoder().encode(big.slice(i, i + 1000)));
        c.close();
      },
    });
    const counted = await app.request('/api/candidates', { method: 'POST', headers: { 'content-type': 'application/json' }, body: streamed, duplex: 'half' } as RequestInit);
    expect(counted.headers.get('connection')).toBe('close');
    expect(await refusal(counted)).toMatchObject({ status: 413, message: 'the request body is over the 4 KiB limit for this route (set by SCOUTLINE_BODY_LIMIT)' });
    expect(await candidates()).toBe(1);
  });
});

describe('errorResponse', () => {
  it("maps Hono's own 400/413/415 refusals to the code table, never internal", async () => {
    const app = new Hono();
    app.onError((err, c) => errorResponse(c, err));
    app.get('/:status', (c) => {
      throw new HTTPException(Number(c.req.param('status')) as 400, { message: 'from hono' });
    });
    for (const [status, code] of [[400, 'invalid_input'], [413, 'payload_too_large'], [415, 'unsupported_media_type']] as const) {
      const res = await app.request(`/${status}`);
      expect(res.status).toBe(status);
      expect(await res.json()).toEqual({ error: { code, message: 'from hono' } });
    }
  });
});
