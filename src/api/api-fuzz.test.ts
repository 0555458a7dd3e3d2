import { createHash } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { describeEachBackend } from '../db/test-backends.ts';
import type { Store } from '../db/open-database.ts';
import { errorCodes, httpStatusFor, type ErrorCode } from '../core/error-codes.ts';
import { routePolicies } from '../access/route-policies.ts';
import { createUser } from '../access/user-accounts.ts';
import { addMember } from '../access/membership-store.ts';
import { signatureHeaders } from '../outreach/delivery/executors/webhook-signature.ts';
import { signedInApp, type SignedInApp } from './test-app.ts';

/**
 * Fuzzing every route in /openapi.json as a signed-in owner: malformed JSON,
 * wrong content types, wrong-typed and oversized values, deep nesting, and
 * strings with NUL, emoji, right-to-left marks and lone surrogates, in bodies,
 * query parameters and path parameters. Bodies follow each route's own
 * schema (so most requests get past the first check and reach the route's
 * logic) with any part swapped for something hostile. For every request:
 * no 5xx; a 4xx is in the error table's shape with the status its code
 * says; and a refused request changed nothing (a checksum of every table's
 * rows is the same before and after).
 *
 * Size: SCOUTLINE_FUZZ_RUNS requests per route and method (default 12, about
 * a thousand requests per backend), seed SCOUTLINE_FUZZ_SEED (fixed by
 * default so CI is repeatable; set another to explore).
 */

const runsPerRoute = Number(process.env.SCOUTLINE_FUZZ_RUNS) || 12;
const seed = Number(process.env.SCOUTLINE_FUZZ_SEED) || 20260314;
/** Small limits so oversized bodies are cheap to send. */
const limits = { default: 16 * 1024, import: 64 * 1024, importRecord: 8 * 1024, outcomesCsv: 16 * 1024 };
const webhookSecret = 'fuzz-webhook-secret-0123456789';

type JsonSchema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  format?: string;
};

interface Operation {
  method: string;
  path: string;
  params: Array<{ in: string; name: string; schema?: JsonSchema }>;
  body?: { contentTypes: string[]; schema?: JsonSchema };
}

interface Seeds {
  candidateId: number;
  /** a second candidate for the routes that delete */
  spareCandidateId: number;
  noteId: number;
  campaignId: string;
  seatId: string;
  roleId: string;
  suppressionId: number;
  spareTokenId: string;
  spareUserId: string;
  invitationId: string;
  taskId: number;
}

/** Bodies each route accepts, so a body with one field made hostile reaches the route's logic and its storage. */
function validBodies(s: Seeds): Record<string, unknown> {
  return {
    'POST /api/candidates': { candidates: [{ name: 'Valid Person', headline: 'Go engineer', summary: 'Builds things', emails: ['valid.person@example.test'], skills: ['go', 'rust'], profileUrl: 'https://www.linkedin.com/in/valid-person', location: { city: 'Berlin', country: 'Germany' } }] },
    'POST /api/candidates/{id}/notes': { text: 'A note' },
    'POST /api/search': { query: 'rust OR go', limit: 5 },
    'POST /api/seats': { id: 'seat-two', name: 'Seat Two', plan: 'recruiter-corporate', contractId: 'fuzz-contract', since: '2026-01-01' },
    'PATCH /api/seats/{seatId}': { name: 'Renamed seat', ownerUserId: null },
    'POST /api/seats/{seatId}/credits/events': { type: 'purchase', date: '2026-01-05', count: 5 },
    'POST /api/credits/transfers': { fromSeat: s.seatId, toSeat: 'seat-two', count: 1, date: '2026-01-06' },
    'POST /api/credits/forecast': { seatId: s.seatId, weeklySends: 5, replyRate: 0.2 },
    'POST /api/credits/advice': { monthlySends: 100, replyRates: [0.1, 0.2] },
    'POST /api/credits/simulate': { seatId: s.seatId, events: [] },
    'POST /api/rank': { roleId: s.roleId },
    'POST /api/roles': { id: 'role-two', name: 'Role two', query: 'go AND rust' },
    'POST /api/roles/extract': { jobDescription: 'We need a senior Rust engineer in Berlin.' },
    'POST /api/candidates/{id}/feedback': { roleId: s.roleId, verdict: 'shortlist' },
    'POST /api/ranking/outcomes': { candidateId: s.candidateId, roleId: s.roleId, outcome: 'replied' },
    'POST /api/messages/preview': { step: 'connection', candidateId: s.candidateId, seatId: s.seatId },
    'POST /api/messages/preview/bulk': { step: 'connection', candidateIds: [s.candidateId], seatId: s.seatId },
    'POST /api/campaigns': { name: 'Another campaign', seatIds: [s.seatId], source: { kind: 'ids', ids: [s.candidateId] } },
    'POST /api/campaigns/{id}/candidates': { candidateIds: [s.candidateId] },
    'POST /api/suppressions': { email: 'another.suppressed@example.test', reason: 'asked' },
    'POST /api/tasks/{id}/done': { note: 'called' },
    'PUT /api/outreach/pacing': { dailyActionLimit: 60, reinviteBlockDays: 14 },
    'POST /api/outreach/seats/{id}/pause': { reason: 'limit reported' },
    'POST /api/outcomes': { candidateId: s.candidateId, campaignId: s.campaignId, kind: 'replied', replyKind: 'positive', channel: 'message', at: '2026-03-05T09:30:00Z', source: 'api' },
    'POST /api/webhooks/outcomes': { outcomes: [{ candidateId: s.candidateId, campaignId: s.campaignId, kind: 'accepted', channel: 'connection_request', at: '2026-03-05T09:30:00Z' }] },
    'POST /api/me/workspace': { workspaceId: 'default' },
    'POST /api/me/password': { currentPassword: 'not it at all', newPassword: 'a new password 123' },
    'POST /api/workspaces': { name: 'Second workspace' },
    'PATCH /api/members/{userId}': { role: 'viewer' },
    'POST /api/invitations': { email: 'someone.new@example.test', role: 'viewer', send: false },
    'POST /api/tokens': { name: 'a token', role: 'viewer' },
    'PUT /api/settings/executors': { webhook: { url: 'http://127.0.0.1:9/hook' } },
  };
}

/** Every place in a value: the paths of its leaves and containers (the root excluded). */
function placesIn(value: unknown, path: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return path.length ? [path] : [];
  const own = path.length ? [path] : [];
  return [...own, ...Object.entries(value).flatMap(([k, v]) => placesIn(v, [...path, k]))];
}

function setAt(value: unknown, path: string[], next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), next);
  return copy;
}

/** A valid body with one place made hostile: NUL, lone surrogates, emoji and RTL added to its text, a wrong type, an oversized or deeply nested value. */
function oneFieldHostile(valid: unknown, s: Seeds): fc.Arbitrary<{ value: unknown; what: string }> {
  const places = placesIn(valid);
  let deep: unknown = 'bottom';
  for (let i = 0; i < 70; i++) deep = { d: deep };
  const hostile = (old: unknown): fc.Arbitrary<unknown> =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('\u0000', '\ud800', '\udfff', '😀', '\u202e', '\u200f', '\u0000\u0000').map((extra) => (typeof old === 'string' ? `${old}${extra}` : `x${extra}`)) },
      { weight: 1, arbitrary: fc.constantFrom('\u0000', '', ' ', 'x'.repeat(limits.default), '😀'.repeat(1000)) },
      { weight: 2, arbitrary: fc.oneof(nastyNumbers(s), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}), fc.constant([old, old])) },
      { weight: 1, arbitrary: fc.constant(deep) },
    );
  if (places.length === 0) return fc.constant({ value: valid, what: 'valid body' });
  return fc.constantFrom(...places).chain((place) => {
    const old = place.reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], valid);
    return hostile(old).map((h) => ({ value: setAt(valid, place, h), what: `valid body with ${place.join('.')} made hostile` }));
  });
}

// ---- hostile values -------------------------------------------------------

/** Any UTF-16 code unit, lone surrogates included. */
const anyUnitString = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)), maxLength: 12 });

function nastyStrings(s: Seeds) {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('Ada Lovelace', 'rust AND go', 'ada@example.com', 'https://www.linkedin.com/in/ada', '2026-03-05', '2026-03-05T09:30:00Z', 'positive', 'replied', 'inmail', 'connection', 'viewer', 'recruiter', 'x', '1', '') },
    { weight: 3, arbitrary: fc.constantFrom(String(s.candidateId), s.campaignId, s.seatId, s.roleId, s.invitationId) },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        'a\u0000b',
        '\u0000',
        '\ud800',
        'x\udc00y',
        '\ud83d',
        '😀👩‍👩‍👧🏳️‍🌈',
        '\u202eevil\u202c',
        '\u200fשלום\u200e',
        'مرحبا',
        '\ufeffbom',
        "'; DROP TABLE candidates; --",
        '%00',
        '../../etc/passwd',
        '{{ candidate.name }}',
        '<script>alert(1)</script>',
        '9'.repeat(40),
        '-1',
        '1e309',
        'NaN',
        '2026-02-30',
        '9999-12-31',
        '0000-01-01',
        '+275760-09-13',
        'March 5, 2026',
        '\r\n\t',
        ' '.repeat(300),
        'é'.repeat(3000),
      ),
    },
    { weight: 3, arbitrary: anyUnitString },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  );
}

const nastyNumbers = (s: Seeds) =>
  fc.oneof(
    fc.constantFrom(0, -1, 1, 2, 1.5, -0.5, 1e308, -1e308, 2 ** 31, 2 ** 31 - 1, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 5e-324, s.candidateId, s.noteId, s.suppressionId, s.taskId),
    fc.integer({ min: -1000, max: 100000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  );

function anyJson(s: Seeds): fc.Arbitrary<unknown> {
  const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      nastyStrings(s),
      nastyNumbers(s),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('tree'), { maxLength: 3 }),
      fc.dictionary(nastyStrings(s), tie('tree'), { maxKeys: 3 }),
    ),
  }));
  return tree;
}

/** Values shaped by the route's JSON schema, any part of which may be swapped for a hostile one. */
function fromSchema(doc: { components?: { schemas?: Record<string, JsonSchema> } }, s: Seeds) {
  const resolve = (schema: JsonSchema): JsonSchema => (schema.$ref ? resolve(doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')] ?? {}) : schema);
  const arb = (schema: JsonSchema, depth: number): fc.Arbitrary<unknown> =>
    depth > 6 ? anyJson(s) : fc.oneof({ weight: 9, arbitrary: shaped(resolve(schema), depth) }, { weight: 1, arbitrary: anyJson(s) });
  const shaped = (schema: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    if (schema.enum) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: nastyStrings(s) });
    if ('const' in schema) return fc.constant(schema.const);
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives?.length) return fc.oneof(...alternatives.map((a) => arb(a, depth + 1)));
    if (schema.allOf?.length) {
      const parts = schema.allOf.map(resolve);
      return shaped({ type: 'object', properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})), required: parts.flatMap((p) => p.required ?? []) }, depth);
    }
    const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : schema.properties ? ['object'] : [];
    if (types.length === 0) return anyJson(s);
    return fc.oneof(
      ...types.map((type): fc.Arbitrary<unknown> => {
        switch (type) {
          case 'string':
            return schema.maxLength !== undefined ? fc.oneof(nastyStrings(s), fc.constant('m'.repeat(schema.maxLength + 1))) : nastyStrings(s);
          case 'integer':
            return fc.oneof(fc.integer({ min: Math.max(-1e6, schema.minimum ?? -10), max: Math.min(1e6, schema.maximum ?? 1000) }), nastyNumbers(s));
          case 'number':
            return fc.oneof(fc.double({ min: Math.max(-1e6, schema.minimum ?? -10), max: Math.min(1e6, schema.maximum ?? 1000), noNaN: true }), nastyNumbers(s));
          case 'boolean':
            return fc.boolean();
          case 'null':
            return fc.constant(null);
          case 'array':
            return fc.array(arb(schema.items ?? {}, depth + 1), { maxLength: Math.min(schema.maxItems ?? 3, 3) });
          case 'object': {
            const props = schema.properties ?? {};
            const required = (schema.required ?? []).filter((k) => k in props);
            const record = fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, arb(v, depth + 1)])), { requiredKeys: required });
            return fc.oneof({ weight: 5, arbitrary: record }, { weight: 1, arbitrary: fc.tuple(record, fc.dictionary(nastyStrings(s), anyJson(s), { maxKeys: 2 })).map(([a, b]) => ({ ...b, ...a })) });
          }
          default:
            return anyJson(s);
        }
      }),
    );
  };
  return (schema: JsonSchema | undefined) => (schema ? arb(schema, 0) : anyJson(s));
}

/** Nested `levels` deep, as text (JSON.stringify would itself overflow on the deepest). */
const deepJson = fc.tuple(fc.integer({ min: 65, max: 5000 }), fc.boolean(), fc.boolean()).map(([levels, arrays, wrapped]) => {
  const inner = arrays ? `${'['.repeat(levels)}${']'.repeat(levels)}` : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
  return wrapped ? `{"name": "deep", "query": "x", "candidates": ${inner}}` : inner;
});

interface Body {
  text?: string;
  bytes?: Uint8Array;
  contentType?: string;
  /** also send Content-Length (declared size) */
  declareLength?: boolean;
  what: string;
}

/** Text that was JSON, broken: cut short, a character put in, garbage after it. */
const broken = (text: string) =>
  fc.oneof(
    fc.nat().map((n) => ({ text: text.slice(0, n % Math.max(1, text.length)), what: 'truncated JSON' })),
    fc.tuple(fc.nat(), fc.constantFrom(',', '}', ']', '"', ':', '\\', "'", 'x', '\u0001')).map(([n, c]) => {
      const i = n % (text.length + 1);
      return { text: text.slice(0, i) + c + text.slice(i), what: 'JSON with a character put in' };
    }),
    fc.constantFrom(' x', '}', '{}', '\n{"more": 1}', ',').map((tail) => ({ text: text + tail, what: 'JSON with trailing garbage' })),
  );

function jsonBodies(valueOf: fc.Arbitrary<unknown>, s: Seeds, contentType: string, valid: unknown): fc.Arbitrary<Body> {
  const good = valueOf.map((v) => JSON.stringify(v));
  return fc.oneof(
    ...(valid === undefined ? [] : [{ weight: 8, arbitrary: oneFieldHostile(valid, s).map(({ value, what }) => ({ text: JSON.stringify(value), contentType, what })) }]),
    { weight: 8, arbitrary: fc.tuple(good, fc.boolean()).map(([text, declareLength]) => ({ text, contentType, declareLength, what: 'schema-shaped JSON' })) },
    { weight: 1, arbitrary: anyJson(s).map((v) => ({ text: JSON.stringify(v), contentType, what: 'any JSON' })) },
    { weight: 2, arbitrary: good.chain(broken).map((b) => ({ ...b, contentType })) },
    { weight: 1, arbitrary: fc.constantFrom('', '   ', 'null', '"just a string"', '[]', '1e400', 'undefined', 'NaN').map((text) => ({ text, contentType, what: 'empty or bare JSON' })) },
    {
      weight: 1,
      arbitrary: fc.tuple(good, fc.constantFrom(undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/xml', 'text/csv')).map(([text, ct]) => ({
        bytes: new TextEncoder().encode(text),
        contentType: ct,
        what: `content type ${ct ?? 'missing'}`,
      })),
    },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.boolean()).map(([times, declareLength]) => ({ text: JSON.stringify({ name: 'big', query: 'x', text: 'b'.repeat(limits.default * times) }), contentType, declareLength, what: 'oversized' })) },
    { weight: 1, arbitrary: deepJson.map((text) => ({ text, contentType, what: 'deeply nested' })) },
    {
      weight: 1,
      arbitrary: fc.tuple(good, fc.nat(), fc.constantFrom(0xff, 0xc0, 0xed, 0x80, 0xf8)).map(([text, n, byte]) => {
        const b = new TextEncoder().encode(text);
        const i = n % (b.length + 1);
        return { bytes: Uint8Array.from([...b.slice(0, i), byte, ...b.slice(i)]), contentType, what: 'invalid UTF-8' };
      }),
    },
  );
}

/** Bodies for the routes that read files: NDJSON/JSON Resume or CSV, with hostile cells, broken quoting and oversized records. */
function fileBodies(op: Operation, s: Seeds): fc.Arbitrary<Body> {
  const cell = fc.oneof(nastyStrings(s), nastyNumbers(s).map(String));
  const csvCell = fc.tuple(cell, fc.boolean()).map(([c, quote]) => (quote || /[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c));
  const outcomesCsv = fc.array(fc.tuple(fc.constantFrom(String(s.candidateId), '', 'x', '-1'), fc.constantFrom('replied', 'accepted', 'bounced', 'nope', ''), csvCell, csvCell), { maxLength: 5 }).map((rows) => `candidate_id,kind,reply_kind,at\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  const candidateCsv = fc.array(fc.array(csvCell, { minLength: 1, maxLength: 5 }), { maxLength: 5 }).map((rows) => `Full Name,Email,Profile URL,Job,Skills\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  const resume = fc.record({ basics: fc.record({ name: cell, email: cell, url: cell, profiles: fc.array(fc.record({ network: cell, url: cell }), { maxLength: 2 }) }, { requiredKeys: ['name'] }), skills: fc.array(fc.record({ name: cell }), { maxLength: 3 }), work: fc.array(fc.record({ name: cell, position: cell, startDate: cell }), { maxLength: 2 }) }, { requiredKeys: ['basics'] });
  const ndjson = fc.array(fc.oneof({ weight: 5, arbitrary: resume.map((r) => JSON.stringify(r)) }, { weight: 1, arbitrary: anyJson(s).map((v) => JSON.stringify(v)) }, { weight: 1, arbitrary: fc.constantFrom('{"basics": ', '{bad}', '', `{"basics":{"name":"${'r'.repeat(limits.importRecord + 10)}"}}`) }), { maxLength: 6 }).map((lines) => lines.join('\n'));
  const isOutcomes = op.path === '/api/outcomes/import';
  const texts: Array<{ arbitrary: fc.Arbitrary<Body>; weight: number }> = isOutcomes
    ? [{ weight: 6, arbitrary: outcomesCsv.map((text) => ({ text, contentType: 'text/csv', what: 'outcomes CSV' })) }]
    : [
        { weight: 3, arbitrary: ndjson.map((text) => ({ text, contentType: 'application/x-ndjson', what: 'NDJSON' })) },
        { weight: 2, arbitrary: candidateCsv.map((text) => ({ text, contentType: 'text/csv', what: 'CSV' })) },
        { weight: 1, arbitrary: fc.array(resume, { maxLength: 3 }).map((a) => ({ text: JSON.stringify(a), contentType: 'application/json', what: 'JSON array' })) },
        { weight: 1, arbitrary: fc.tuple(ndjson, fc.constantFrom(undefined, 'text/plain', 'application/octet-stream')).map(([text, ct]) => ({ bytes: new TextEncoder().encode(text), contentType: ct, what: `content type ${ct ?? 'missing'}` })) },
      ];
  const limit = isOutcomes ? limits.outcomesCsv : limits.import;
  return fc.oneof(
    ...texts,
    { weight: 1, arbitrary: fc.constantFrom('', '"unclosed,quote\n1,2\n', '\u0000\u0000', 'a,b\n"x\u0000y",2\n').map((text) => ({ text, contentType: op.body!.contentTypes[0], what: 'odd file' })) },
    { weight: 1, arbitrary: fc.boolean().map((declareLength) => ({ text: `Full Name\n${'big name\n'.repeat(Math.ceil((limit + 10) / 9))}`, contentType: 'text/csv', declareLength, what: 'oversized file' })) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.oneof(ndjson, outcomesCsv), fc.constantFrom(0xff, 0xc0, 0xed)).map(([text, byte]) => ({ bytes: Uint8Array.from([...new TextEncoder().encode(text), byte, 0x0a]), contentType: op.body!.contentTypes[0], what: 'invalid UTF-8' })),
    },
  );
}

/** A URL component, lone surrogates included (as the bytes of an encoded surrogate, which no decoder accepts). */
function urlPart(v: string): string {
  return [...v].map((ch) => (/^[\uD800-\uDFFF]$/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
}

function pathFor(op: Operation, s: Seeds) {
  const valid: Record<string, string> = {
    id: op.path.startsWith('/api/candidates/') ? String(op.method === 'DELETE' && !op.path.includes('notes') ? s.spareCandidateId : s.candidateId) : op.path.startsWith('/api/campaigns/') ? s.campaignId : op.path.startsWith('/api/roles/') ? s.roleId : op.path.startsWith('/api/suppressions/') ? String(s.suppressionId) : op.path.startsWith('/api/tasks/') ? String(s.taskId) : op.path.startsWith('/api/outreach/seats/') ? s.seatId : op.path.startsWith('/api/invitations/') ? s.invitationId : op.path.startsWith('/api/tokens/') ? s.spareTokenId : 'x',
    noteId: String(s.noteId),
    seatId: s.seatId,
    userId: s.spareUserId,
    token: 'sl_inv_not-a-real-invitation-token-but-well-formed-12345',
  };
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return fc.tuple(...names.map((n) => fc.oneof({ weight: 3, arbitrary: fc.constant(encodeURIComponent(valid[n] ?? 'x')) }, { weight: 2, arbitrary: fc.oneof(nastyStrings(s), nastyNumbers(s).map(String)).filter((v) => v !== '').map(urlPart) }))).map((values) => {
    let p = op.path;
    names.forEach((n, i) => (p = p.replace(`{${n}}`, values[i]!)));
    return p;
  });
}

function queryFor(op: Operation, s: Seeds) {
  const query = op.params.filter((p) => p.in === 'query');
  const value = (p: Operation['params'][number]) => {
    const schema = p.schema ?? {};
    const enums = (schema.enum ?? (schema.anyOf ?? []).flatMap((a) => (a as JsonSchema).enum ?? [])) as unknown[];
    return fc.oneof(...(enums.length ? [fc.constantFrom(...enums.map(String))] : []), nastyStrings(s), nastyNumbers(s).map(String));
  };
  return fc.tuple(fc.tuple(...query.map((p) => fc.option(value(p), { nil: undefined }))), fc.option(fc.tuple(nastyStrings(s), nastyStrings(s)), { nil: undefined })).map(([values, extra]) => {
    const pairs = query.flatMap((p, i) => (values[i] === undefined ? [] : [`${urlPart(p.name)}=${urlPart(values[i]!)}`]));
    if (extra) pairs.push(`${urlPart(extra[0] || 'extra')}=${urlPart(extra[1])}`);
    return pairs.length ? `?${pairs.join('&')}` : '';
  });
}

// ---- what changed ---------------------------------------------------------

/** Columns that change on every authenticated request, refused or not. */
const volatileColumns: Record<string, string[]> = { api_tokens: ['last_used_at'], session: ['updatedAt', 'updated_at'] };
/** Rows a refused request may add: the audit log's record of the refusal itself (outcome 'refused'). */
const countedRows: Record<string, string> = { audit_log: "outcome = 'ok'" };

/** A hash of every table's rows, by table: equal before and after means nothing was written. */
async function checksum(store: Store): Promise<Record<string, string>> {
  if (store.dialect === 'postgres') {
    const tables = (await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(store.db)).rows.map((r) => r.name);
    const parts = tables.map((t) => {
      const row = volatileColumns[t] ? volatileColumns[t].reduce((expr, c) => `(${expr} - '${c}')`, 'to_jsonb(t)') : 't';
      return `SELECT '${t}' AS name, md5(coalesce(string_agg(${row}::text, '|' ORDER BY ${row}::text), '')) AS h, count(*) AS n FROM "${t}" t${countedRows[t] ? ` WHERE ${countedRows[t]}` : ''}`;
    });
    const rows = (await sql.raw<{ name: string; h: string; n: string }>(parts.join(' UNION ALL ')).execute(store.db)).rows;
    return Object.fromEntries(rows.map((r) => [r.name, `${r.n}:${r.h}`]));
  }
  const tables = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(store.db)).rows.map((r) => r.name);
  const sums: Record<string, string> = {};
  for (const t of tables) {
    const rows = (await sql.raw<Record<string, unknown>>(`SELECT * FROM "${t}"${countedRows[t] ? ` WHERE ${countedRows[t]}` : ''}`).execute(store.db)).rows.map((r) => {
      for (const c of volatileColumns[t] ?? []) delete r[c];
      return JSON.stringify(r, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v));
    });
    sums[t] = `${rows.length}:${createHash('sha256').update(rows.sort().join('|')).digest('hex')}`;
  }
  return sums;
}

/** The tables whose rows differ. */
const changedTables = (a: Record<string, string>, b: Record<string, string>) => [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((t) => a[t] !== b[t]);

// ---- the test -------------------------------------------------------------

describeEachBackend('API fuzz: no 5xx, the error shape, and nothing written by a refused request', (getStore) => {
  let owner: SignedInApp;
  let sessionCookie = '';
  let ops: Operation[] = [];
  let doc: { paths: Record<string, Record<string, Record<string, unknown>>>; components?: { schemas?: Record<string, JsonSchema> } };
  let s: Seeds;
  const savedSecret = process.env.SCOUTLINE_WEBHOOK_SECRET;
  afterAll(() => {
    if (savedSecret === undefined) delete process.env.SCOUTLINE_WEBHOOK_SECRET;
    else process.env.SCOUTLINE_WEBHOOK_SECRET = savedSecret;
  });

  it('setup: an owner with a token and a session, and a workspace with a candidate, seat, campaign, role, note, task and spares to delete', async () => {
    process.env.SCOUTLINE_WEBHOOK_SECRET = webhookSecret;
    const store = getStore();
    owner = await signedInApp({ store, webRoot: '/nonexistent', bodyLimits: limits });
    const post = async (path: string, body: unknown) => {
      const res = await owner.request(path, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost' }, body: JSON.stringify(body) });
      expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
      return res.json() as Promise<Record<string, unknown>>;
    };
    await post('/api/seats', { id: 'fuzz-seat', name: 'Fuzz Seat', plan: 'recruiter-corporate', contractId: 'fuzz-contract', since: '2026-01-01' });
    const made = (await post('/api/candidates', {
      candidates: [
        { name: 'Fuzz Person', headline: 'Rust engineer', emails: ['fuzz.person@example.test'], skills: ['rust'], profileUrl: 'https://www.linkedin.com/in/fuzz-person' },
        { name: 'Spare Person', emails: ['spare.person@example.test'] },
      ],
    })) as { results: Array<{ id: number }> };
    await post('/api/roles', { id: 'fuzz-role', name: 'Fuzz role', query: 'rust' });
    const campaign = await post('/api/campaigns', { name: 'Fuzz campaign', seatIds: ['fuzz-seat'], source: { kind: 'ids', ids: [made.results[0]!.id] } });
    const note = await post(`/api/candidates/${made.results[0]!.id}/notes`, { text: 'Fuzz note' });
    const suppression = await post('/api/suppressions', { email: 'suppressed.fuzz@example.test' });
    const invitation = (await post('/api/invitations', { email: 'invitee.fuzz@example.test', role: 'viewer', send: false })) as { invitation: { id: string } };
    const spare = await signedInApp({ store, access: owner.access, role: 'recruiter', webRoot: '/nonexistent' });
    const tokens = (await (await spare.request('/api/tokens')).json()) as { tokens: Array<{ id: string }> };
    // a session for the routes that need one (password, workspaces, tokens)
    const email = `fuzz-session-${Date.now()}@example.test`;
    const user = await createUser(owner.access, { email, name: 'Fuzz Session', password: 'fuzz session password 1' });
    await addMember(store, 'default', user.id, 'owner');
    const signIn = await owner.app.request('/api/auth/sign-in/email', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost' }, body: JSON.stringify({ email, password: 'fuzz session password 1' }) });
    expect(signIn.status).toBe(200);
    sessionCookie = /scoutline\.session_token=[^;]*/.exec(signIn.headers.get('set-cookie') ?? '')![0];
    s = {
      candidateId: made.results[0]!.id,
      spareCandidateId: made.results[1]!.id,
      noteId: Number(note.id),
      campaignId: String(campaign.id),
      seatId: 'fuzz-seat',
      roleId: 'fuzz-role',
      suppressionId: Number(suppression.id ?? 1),
      spareTokenId: tokens.tokens[0]!.id,
      spareUserId: spare.userId,
      invitationId: invitation.invitation.id,
      taskId: 1,
    };
    doc = (await (await owner.request('/openapi.json')).json()) as typeof doc;
    ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const content = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content;
        return {
          method: method.toUpperCase(),
          path,
          params: ((op.parameters as Operation['params'] | undefined) ?? []).map((p) => ({ in: p.in, name: p.name, schema: p.schema })),
          body: content ? { contentTypes: Object.keys(content), schema: content['application/json']?.schema } : undefined,
        };
      }),
    );
    expect(ops.length).toBeGreaterThan(70);
  });

  it('a NUL or a lone surrogate in any string of a valid body, on every route that takes one, is a 400 naming its path, and nothing is written', async () => {
    const store = getStore();
    const failures: string[] = [];
    const valid = validBodies(s);
    let checked = 0;
    for (const op of ops) {
      const key = `${op.method} ${op.path}`;
      const body = valid[key];
      if (body === undefined) continue;
      const path = await fc.sample(pathFor(op, s), { numRuns: 1, seed })[0]!;
      const strings = placesIn(body).filter((p) => typeof p.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], body) === 'string');
      for (const place of strings) {
        for (const bad of ['\u0000', '\ud800']) {
          const old = place.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], body) as string;
          const text = JSON.stringify(setAt(body, place, `${old}${bad}`));
          const headers: Record<string, string> = { origin: 'http://localhost', 'content-type': 'application/json' };
          if (routePolicies[key] === 'session') Object.assign(headers, { cookie: sessionCookie, authorization: 'none' });
          if (op.path === '/api/webhooks/outcomes') Object.assign(headers, signatureHeaders(webhookSecret, Date.now() / 1000, text));
          const before = await checksum(store);
          const res = await owner.request(path.replace(/\{\w+\}/g, 'x'), { method: op.method, headers, body: text });
          const answer = (await res.json()) as { error?: { code: string; details?: { issues?: Array<{ path: string[] }> } } };
          checked++;
          const named = answer.error?.details?.issues?.[0]?.path.join('.');
          if (res.status !== 400 || answer.error?.code !== 'invalid_input' || named !== place.join('.')) failures.push(`${key} ${place.join('.')} ${JSON.stringify(bad)}: ${res.status} ${JSON.stringify(answer).slice(0, 200)}`);
          const changed = changedTables(before, await checksum(store));
          if (changed.length) failures.push(`${key} ${place.join('.')}: changed ${changed.join(', ')}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(80);
    expect(failures).toEqual([]);
  });

  it(`${runsPerRoute} hostile requests to every route and method`, { timeout: 300_000 }, async () => {
    const store = getStore();
    const failures: string[] = [];
    const shapeOf = fromSchema(doc, s);
    const valid = validBodies(s);
    let sent = 0;
    /** the checksum after the last refused request: still the state, as nothing succeeded since */
    let known: Record<string, string> | undefined;
    for (const op of ops) {
      known = undefined;
      const key = `${op.method} ${op.path}`;
      const unsafe = op.method !== 'GET';
      const isFile = op.path === '/api/import' || op.path === '/api/outcomes/import';
      const bodyArb: fc.Arbitrary<Body | undefined> = unsafe ? (isFile ? fileBodies(op, s) : jsonBodies(shapeOf(op.body?.schema), s, 'application/json', valid[key])) : fc.constant(undefined);
      const started = performance.now();
      const request = fc.record({ path: pathFor(op, s), query: queryFor(op, s), body: bodyArb, badSignature: fc.boolean() });
      const result = await fc.check(
        fc.asyncProperty(request, async ({ path, query, body, badSignature }) => {
          const headers: Record<string, string> = { origin: 'http://localhost' };
          if (body?.contentType) headers['content-type'] = body.contentType;
          const payload = body?.bytes ?? (body?.text !== undefined ? new TextEncoder().encode(body.text) : undefined);
          if (body?.declareLength && payload) headers['content-length'] = String(payload.byteLength);
          if (routePolicies[key] === 'session') {
            headers.cookie = sessionCookie;
            headers.authorization = 'none'; // no bearer: the session decides
          }
          if (op.path === '/api/webhooks/outcomes') Object.assign(headers, signatureHeaders(badSignature ? 'not the secret' : webhookSecret, Date.now() / 1000, new TextDecoder().decode(payload ?? new Uint8Array())));
          const before = unsafe ? (known ?? (await checksum(store))) : {};
          known = undefined;
          const t0 = performance.now();
          if (process.env.SCOUTLINE_FUZZ_VERBOSE === '2') console.log(`-> ${op.method} ${path}${query}`.slice(0, 300));
          const res = await owner.request(`${path}${query}`, { method: op.method, headers, body: payload as BodyInit | undefined });
          if (process.env.SCOUTLINE_FUZZ_VERBOSE && performance.now() - t0 > 1000) console.log(`slow ${Math.round(performance.now() - t0)} ms: ${op.method} ${path}${query}`.slice(0, 300));
          sent++;
          const text = await res.text();
          const url = `${path}${query}`;
          const what = `${op.method} ${url.length > 200 ? `${url.slice(0, 200)}...` : url} [${body?.what ?? 'no body'}${body?.contentType ? `, ${body.contentType}` : ''}] -> ${res.status} ${text.slice(0, 300)}`;
          if (res.status >= 500) throw new Error(`5xx: ${what}`);
          if (res.status >= 400) {
            let error: { code?: string; message?: string } | undefined;
            try {
              error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
            } catch {
              throw new Error(`not the error shape: ${what}`);
            }
            if (!error?.code || !(error.code in errorCodes) || !error.message) throw new Error(`not the error shape: ${what}`);
            if (httpStatusFor(error.code as ErrorCode) !== res.status) throw new Error(`status ${res.status} is not the status of ${error.code}: ${what}`);
            if (unsafe) {
              const after = await checksum(store);
              const changed = changedTables(before, after);
              if (changed.length) throw new Error(`refused but changed ${changed.join(', ')}: ${what}`);
              known = after;
            }
          }
        }),
        { numRuns: runsPerRoute, seed: seed + ops.indexOf(op), endOnFailure: true },
      );
      if (process.env.SCOUTLINE_FUZZ_VERBOSE) console.log(`${key}: ${Math.round(performance.now() - started)} ms`);
      if (result.failed) failures.push(`${key} (seed ${result.seed}): ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}`);
    }
    expect(sent).toBeGreaterThan(ops.length * runsPerRoute * 0.9);
    expect(failures).toEqual([]);
  });
});
