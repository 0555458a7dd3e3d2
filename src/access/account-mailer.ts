import nodemailer from 'nodemailer';
import { AppError } from '../core/app-error.ts';
import { smtpConfigFromEnv, type SmtpConfig } from '../outreach/delivery/executors/smtp-executor.ts';

/**
 * Account emails (password resets, invitations) through the server's SMTP
 * settings (SCOUTLINE_SMTP_*, the same variables the email executor reads).
 * Null when none are set: then resets and invitations work by link only
 * (the CLI makes reset links), and the API says so instead of pretending.
 */
export interface AccountMailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export function accountMailerFromConfig(config: SmtpConfig | null): AccountMailer | null {
  if (!config) return null;
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ignoreTLS: config.ignoreTLS,
    auth: config.auth ?? undefined,
    connectionTimeout: config.connectionTimeoutMs,
  });
  return {
    async send(message) {
      // header injection: nodemailer encodes values, and addresses with CR/LF are refused before they get here
      if (/[\r\n]/.test(message.to) || /[\r\n]/.test(message.subject)) throw new AppError('invalid_input', 'an email address or subject has a line break');
      try {
        await transport.sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text });
      } catch (err) {
        throw new AppError('upstream_error', `could not send the email: ${(err as Error).message}`);
      }
    },
  };
}

export function accountMailerFromEnv(env: NodeJS.ProcessEnv = process.env): AccountMailer | null {
  return accountMailerFromConfig(smtpConfigFromEnv(env));
}
