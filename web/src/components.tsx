import type { ReactNode } from 'react';
import { errorMessage } from './api-client.ts';

export function ErrorBanner({ error }: { error: unknown }) {
  if (error === undefined || error === null) return null;
  return (
    <div className="banner error" role="alert">
      {errorMessage(error)}
    </div>
  );
}

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <p className="muted" role="status" aria-live="polite">
      {label}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function Section({ title, actions, children, id }: { title: string; actions?: ReactNode; children: ReactNode; id?: string }) {
  return (
    <section className="card" aria-labelledby={id}>
      <header className="card-head">
        <h2 id={id}>{title}</h2>
        {actions ? <div className="card-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

/** A 0..1 value as a percentage; numbers above 1 are taken as already in percent. */
export function pct(v: number | null | undefined, digits = 0): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const p = v <= 1 ? v * 100 : v;
  return `${p.toFixed(digits)}%`;
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** One money format everywhere on the pages: $60.00, $100.00, $1,234.50, -$5.67 (it was "$60.00" beside "$100"). */
export function money(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return usd.format(v);
}

export function day(iso: string | null | undefined): string {
  if (!iso) return '–';
  return iso.slice(0, 10);
}

export function Meter({ value, label }: { value: number | null | undefined; label: string }) {
  const v = value === null || value === undefined || !Number.isFinite(value) ? null : value <= 1 ? value : value / 100;
  return (
    <span className="meter" title={`${label}: ${pct(v)}`}>
      <span className="meter-label">{label}</span>
      <span className="meter-bar" aria-hidden="true">
        <span style={{ width: `${Math.round((v ?? 0) * 100)}%` }} />
      </span>
      <span className="meter-value">{pct(v)}</span>
    </span>
  );
}

/** The frame of the pages a person sees before signing in: sign-in, password reset, an invitation. */
export function AuthCard({ children, foot }: { children: ReactNode; foot?: ReactNode }) {
  return (
    <div className="auth-page">
      <p className="auth-brand">Scoutline</p>
      <div className="card auth-card">{children}</div>
      {foot ? <p className="muted small auth-foot">{foot}</p> : null}
    </div>
  );
}
