import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SMTPServer } from 'smtp-server';
import type { ActionToExecute } from '../executor.ts';
import { SmtpExecutor, classifySmtpError, messageIdFor, singleRecipient, smtpConfigFromEnv, smtpConfigSchema } from './smtp-executor.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
  user?: string;
}

const received: Received[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'ada' && auth.password === 'secret') cb(null, { user: 'ada' });
      else cb(Object.assign(new Error('bad credentials'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('nobody@')) return cb(Object.assign(new Error('5.1.1 no such mailbox'), { responseCode: 550 }));
      if (address.address.startsWith('greylist@')) return cb(Object.assign(new Error('4.7.1 try again later'), { responseCode: 451 }));
      if (address.address.startsWith('throttle@')) return cb(Object.assign(new Error('too many messages'), { responseCode: 421 }));
      cb();
    },
    onData(stream, session, cb) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          user: session.user as string | undefined,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function action(extra: Partial<ActionToExecute> = {}): ActionToExecute {
  return {
    actionId: 'act-1',
    idempotencyKey: 'camp1:42:email:1',
    workspaceId: 'default',
    campaignId: 'camp1',
    seatId: 's1',
    candidateId: 42,
    channel: 'email',
    subject: 'Staff engineer role in Berlin',
    body: 'Hi Grace,\nyour compiler work caught my eye.',
    email: 'grace@example.org',
    openProfile: false,
    dueAt: '2026-03-03T10:00:00.000Z',
    ...extra,
  };
}

function executor(extra: Record<string, unknown> = {}) {
  return new SmtpExecutor(smtpConfigSchema.parse({ host: '127.0.0.1', port, ignoreTLS: true, from: 'Ada Recruiter <ada@scoutline.test>', connectionTimeoutMs: 2000, ...extra }));
}

describe('smtp executor against a local SMTP server', () => {
  it('sends the email with the idempotency key as Message-ID and header', async () => {
    const ex = executor({ auth: { user: 'ada', pass: 'secret' } });
    const before = received.length;
    const r = await ex.execute(action());
    ex.close();
    expect(r).toMatchObject({ status: 'sent', externalId: '<camp1=3a42=3aemail=3a1@scoutline.test>' });
    const mail = received[before];
    expect(mail.from).toBe('ada@scoutline.test');
    expect(mail.to).toEqual(['grace@example.org']);
    expect(mail.user).toBe('ada');
    expect(mail.raw).toContain('Message-ID: <camp1=3a42=3aemail=3a1@scoutline.test>');
    expect(mail.raw).toContain('X-Scoutline-Idempotency-Key: camp1:42:email:1');
    expect(mail.raw).toContain('Subject: Staff engineer role in Berlin');
    expect(mail.raw).toContain('your compiler work caught my eye.');
  });

  it('fails permanently on a rejected mailbox and temporarily on a 4xx reply', async () => {
    const ex = executor();
    expect(await ex.execute(action({ email: 'nobody@example.org' }))).toMatchObject({ status: 'failed', retryable: false });
    expect(await ex.execute(action({ email: 'greylist@example.org' }))).toMatchObject({ status: 'failed', retryable: true });
    expect(await ex.execute(action({ email: 'throttle@example.org' }))).toMatchObject({ status: 'limit_reached' });
    ex.close();
  });

  it('retries on bad credentials and when the server is unreachable', async () => {
    const bad = executor({ auth: { user: 'ada', pass: 'wrong' } });
    expect(await bad.execute(action())).toMatchObject({ status: 'failed', retryable: true });
    bad.close();
    const closed = new SMTPServer({ logger: false });
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const deadPort = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = executor({ port: deadPort });
    expect(await down.execute(action())).toMatchObject({ status: 'failed', retryable: true });
    down.close();
  });

  it('refuses non-email channels and missing addresses without connecting', async () => {
    const ex = executor({ port: 1 });
    expect(await ex.execute(action({ channel: 'inmail' }))).toMatchObject({ status: 'failed', retryable: false });
    expect(await ex.execute(action({ email: null }))).toMatchObject({ status: 'failed', retryable: false });
    ex.close();
  });
});

describe('smtp error classification and config', () => {
  it('treats every 5xx as permanent and every 4xx (but 421) as temporary', () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 599 }), fc.constantFrom('EENVELOPE', 'EMESSAGE', 'EPROTOCOL', undefined), (code, errCode) => {
        const r = classifySmtpError({ responseCode: code, code: errCode, message: 'x' });
        if (code === 421) expect(r.status).toBe('limit_reached');
        else expect(r).toMatchObject({ status: 'failed', retryable: code < 500 });
      }),
    );
    expect(classifySmtpError({ code: 'ECONNECTION', message: 'refused' })).toMatchObject({ retryable: true });
    expect(classifySmtpError({ code: 'ETIMEDOUT' })).toMatchObject({ retryable: true });
    expect(classifySmtpError({ code: 'EAUTH', responseCode: 535 })).toMatchObject({ retryable: true });
  });

  it('gives a Message-ID that is stable, valid and distinct per key', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const ma = messageIdFor(a, 'x.test');
        expect(ma).toMatch(/^<[A-Za-z0-9._=-]*@x\.test>$/);
        expect(messageIdFor(a, 'x.test')).toBe(ma);
        if (a !== b) expect(messageIdFor(b, 'x.test')).not.toBe(ma);
      }),
    );
  });

  it('reads settings from the environment', () => {
    expect(smtpConfigFromEnv({})).toBeNull();
    expect(smtpConfigFromEnv({ SCOUTLINE_SMTP_HOST: 'mail.test', SCOUTLINE_SMTP_PORT: '465', SCOUTLINE_SMTP_SECURE: 'true', SCOUTLINE_SMTP_USER: 'u', SCOUTLINE_SMTP_PASS: 'p', SCOUTLINE_SMTP_FROM: 'a@b.test' })).toMatchObject({
      host: 'mail.test',
      port: 465,
      secure: true,
      auth: { user: 'u', pass: 'p' },
      from: 'a@b.test',
    });
    expect(() => smtpConfigFromEnv({ SCOUTLINE_SMTP_HOST: 'mail.test' })).toThrow(/from/);
  });
});

/** The header block of a raw message, unfolded, one header per entry. */
function headerLines(raw: string): string[] {
  const head = raw.split(/\r\n\r\n/)[0] ?? '';
  return head.replace(/\r\n[ \t]+/g, ' ').split('\r\n');
}

describe('hostile candidate fields never break the email headers', () => {
  const hostileEmails = ['eve@example.com\r\nBcc: victim@example.com', 'eve@example.com\nBcc: victim@example.com', 'eve@example.com\rCc: victim@example.com', 'eve@example.com, victim@example.com', 'Eve <eve@example.com>; victim@example.com'];

  it('refuses an address with CR/LF or a second address, without connecting, so nothing goes to anyone else', async () => {
    for (const email of hostileEmails) {
      const before = received.length;
      const res = await executor().execute(action({ email }));
      expect(res, JSON.stringify(email)).toMatchObject({ status: 'failed', retryable: false });
      expect(received.length).toBe(before);
    }
  });

  it('property: an accepted address is one plain address; anything with a line break, space, comma or bracket is refused', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '.', '@', '\r', '\n', ' ', ',', ';', '<', '>', ':', '"', '\t', '\u0000', 'é') , maxLength: 20 }), (s) => {
        const got = singleRecipient(s);
        if (got === null) return;
        expect(got.split('@')).toHaveLength(2);
        expect(got).not.toMatch(/[\s,;<>:"\u0000-\u001f]/);
      }),
    );
    for (const bad of hostileEmails) expect(singleRecipient(bad)).toBeNull();
    expect(singleRecipient(' grace@example.org ')).toBe('grace@example.org');
  });

  it('keeps a subject with CRLF and header text on the one Subject line: one To, no injected Bcc', async () => {
    const before = received.length;
    const res = await executor().execute(action({ subject: 'Hi Eve\r\nBcc: victim@example.com\r\nX-Injected: 1', body: 'Body line\r\nBcc: victim@example.com\r\n\r\n.\r\nMAIL FROM:<x@y>' }));
    expect(res.status).toBe('sent');
    const got = received[before]!;
    expect(got.to).toEqual(['grace@example.org']);
    const lines = headerLines(got.raw);
    expect(lines.filter((l) => /^to:/i.test(l))).toHaveLength(1);
    expect(lines.some((l) => /^(bcc|cc|x-injected):/i.test(l))).toBe(false);
    expect(lines.filter((l) => /^subject:/i.test(l))).toHaveLength(1);
  });

  it('property: whatever the subject, the received message has exactly the headers we set and one recipient', async () => {
    const piece = fc.constantFrom('\r\n', '\n', '\r', 'Bcc: victim@example.com', 'To: x@y.z', ': ', '=?utf-8?q?x?=', 'Ünïcødé', ' ', 'a');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }).map((a) => a.join('')), async (subject) => {
        const before = received.length;
        const res = await executor().execute(action({ subject }));
        expect(res.status).toBe('sent');
        const got = received[before]!;
        expect(got.to).toEqual(['grace@example.org']);
        const names = headerLines(got.raw).map((l) => l.slice(0, l.indexOf(':')).toLowerCase());
        expect(names.filter((n) => !['content-type', 'from', 'to', 'subject', 'message-id', 'date', 'mime-version', 'content-transfer-encoding', 'x-scoutline-idempotency-key', 'x-scoutline-action-id', 'x-scoutline-campaign-id'].includes(n))).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
