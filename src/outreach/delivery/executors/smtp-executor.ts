import nodemailer, { type Transporter } from 'nodemailer';
import { z } from 'zod';
import { AppError } from '../../../core/app-error.ts';
import type { ActionToExecute, ExecutionResult, Executor } from '../executor.ts';
import { zodIssuesToAppError } from '../../../core/zod-issues.ts';

/**
 * The `smtp` executor: sends the email channel through an SMTP server with
 * nodemailer. The action's idempotency key becomes the Message-ID (and an
 * `X-Scoutline-Idempotency-Key` header), so a receiving system or a mail
 * archive can drop a duplicate after an at-least-once retry.
 *
 * Error mapping: a permanent SMTP reply (5xx: unknown mailbox, rejected) is a
 * non-retryable failure; a temporary reply (4xx) and connection, DNS,
 * timeout or authentication problems are retryable (fixing the server or the
 * credentials lets the same action go out later). 421 ("service not
 * available, closing channel", what providers answer when throttling)
 * pauses the seat for the day (`limit_reached`).
 */
export const smtpConfigSchema = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(587),
  /** TLS from the first byte (port 465); otherwise STARTTLS when offered */
  secure: z.boolean().default(false),
  auth: z.object({ user: z.string().min(1), pass: z.string() }).nullable().default(null),
  /** the sender, e.g. "Ada Recruiter <ada@example.com>" */
  from: z.string().min(3),
  /** domain for Message-IDs (default: the sender's domain) */
  messageIdDomain: z.string().nullable().default(null),
  /** do not upgrade with STARTTLS (local relays and tests) */
  ignoreTLS: z.boolean().default(false),
  connectionTimeoutMs: z.number().int().min(100).default(10_000),
});
export type SmtpConfig = z.infer<typeof smtpConfigSchema>;
export type SmtpConfigInput = z.input<typeof smtpConfigSchema>;

/**
 * SMTP settings from the environment: SCOUTLINE_SMTP_HOST, _PORT, _SECURE
 * (true/false), _USER, _PASS, _FROM, _IGNORE_TLS. Null when no host is set.
 */
export function smtpConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpConfig | null {
  if (!env.SCOUTLINE_SMTP_HOST) return null;
  const parsed = smtpConfigSchema.safeParse({
    host: env.SCOUTLINE_SMTP_HOST,
    port: env.SCOUTLINE_SMTP_PORT ? Number(env.SCOUTLINE_SMTP_PORT) : undefined,
    secure: env.SCOUTLINE_SMTP_SECURE ? env.SCOUTLINE_SMTP_SECURE === 'true' : undefined,
    auth: env.SCOUTLINE_SMTP_USER ? { user: env.SCOUTLINE_SMTP_USER, pass: env.SCOUTLINE_SMTP_PASS ?? '' } : null,
    from: env.SCOUTLINE_SMTP_FROM,
    ignoreTLS: env.SCOUTLINE_SMTP_IGNORE_TLS === 'true' ? true : undefined,
  });
  if (!parsed.success) {
    throw zodIssuesToAppError(parsed.error.issues, 'SMTP settings', { prefix: 'SMTP settings', root: '(root)' });
  }
  return parsed.data;
}

/** How one nodemailer error maps onto the executor contract (pure). */
export function classifySmtpError(err: unknown): Exclude<ExecutionResult, { status: 'sent' } | { status: 'queued_for_person' }> {
  const e = (err ?? {}) as { code?: unknown; responseCode?: unknown; message?: unknown };
  const message = `smtp: ${typeof e.message === 'string' ? e.message : String(err)}`;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  // bad or missing credentials are the sender's configuration, not this recipient: fix them and the action can go
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH') return { status: 'failed', message, retryable: true };
  if (responseCode === 421) return { status: 'limit_reached', message };
  if (responseCode !== null && responseCode >= 500 && responseCode < 600) return { status: 'failed', message, retryable: false };
  if (responseCode !== null && responseCode >= 400 && responseCode < 500) return { status: 'failed', message, retryable: true };
  // address syntax the server never saw
  if (e.code === 'EENVELOPE' && responseCode === null) return { status: 'failed', message, retryable: false };
  return { status: 'failed', message, retryable: true };
}

/** A Message-ID that is stable for an idempotency key. */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const local = idempotencyKey.replace(/[^A-Za-z0-9._-]/g, (ch) => `=${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `<${local}@${domain}>`;
}

/**
 * The candidate's address when it is exactly one plain address (pure).
 * Imported data is not trusted: "eve@x.com\r\nBcc: victim@y.com" or
 * "eve@x.com, victim@y.com" would otherwise be parsed by the mailer into
 * more recipients or headers; such a value is refused, never cleaned up.
 */
export function singleRecipient(email: string): string | null {
  const e = email.trim();
  return /^[^\s@<>()[\],;:"\\\x00-\x1f\x7f]+@[^\s@<>()[\],;:"\\\x00-\x1f\x7f]+$/.test(e) ? e : null;
}

function senderAddress(from: string): string {
  const m = /<([^>]+)>\s*$/.exec(from);
  return (m ? m[1]! : from).trim();
}

function senderDomain(from: string): string {
  const m = /@([^>\s]+)>?\s*$/.exec(from);
  return m ? m[1] : 'scoutline.invalid';
}

export class SmtpExecutor implements Executor {
  readonly name = 'smtp' as const;
  private readonly transport: Transporter;

  constructor(private readonly config: SmtpConfig) {
    this.transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      ignoreTLS: config.ignoreTLS,
      auth: config.auth ? { user: config.auth.user, pass: config.auth.pass } : undefined,
      connectionTimeout: config.connectionTimeoutMs,
      greetingTimeout: config.connectionTimeoutMs,
      socketTimeout: config.connectionTimeoutMs * 3,
    });
  }

  async execute(action: ActionToExecute): Promise<ExecutionResult> {
    if (action.channel !== 'email') return { status: 'failed', message: `smtp executor sends email only, not ${action.channel}`, retryable: false };
    if (!action.email) return { status: 'failed', message: 'no email address for this candidate', retryable: false };
    const to = singleRecipient(action.email);
    // the address is the candidate's data: not echoed into the message (logs, task history)
    if (!to) return { status: 'failed', message: "the candidate's email address is not one plain address (line breaks, several addresses or a display name): not sent", retryable: false };
    const messageId = messageIdFor(action.idempotencyKey, this.config.messageIdDomain ?? senderDomain(this.config.from));
    try {
      const info = await this.transport.sendMail({
        from: this.config.from,
        // an address object and an explicit envelope: nodemailer parses nothing of ours into recipients
        to: { name: '', address: to },
        envelope: { from: senderAddress(this.config.from), to: [to] },
        subject: action.subject ?? '',
        text: action.body,
        messageId,
        headers: {
          'X-Scoutline-Idempotency-Key': action.idempotencyKey,
          'X-Scoutline-Action-Id': action.actionId,
          'X-Scoutline-Campaign-Id': action.campaignId,
        },
      });
      const rejected = (info.rejected ?? []).length;
      if (rejected > 0) return { status: 'failed', message: `smtp: recipient rejected: ${String(info.response ?? '')}`, retryable: false };
      return { status: 'sent', externalId: info.messageId ?? messageId, at: new Date().toISOString() };
    } catch (err) {
      return classifySmtpError(err);
    }
  }

  close(): void {
    this.transport.close();
  }
}
