import { useState, type ReactNode } from 'react';
import type { InferRequestType } from 'hono/client';
import { call, client, type Answer } from '../api-client.ts';
import { useAction } from '../use-action.ts';
import { ErrorBanner, Loading, Section } from '../components.tsx';
import { ActionForm, Notice } from '../form-parts.tsx';
import { RoleNote, usePermit } from '../session.tsx';
import { useApi } from '../use-api.ts';

/** `GET /api/settings/executors`: stored sections (null: the server's environment applies); secrets only as `{ set }`. */
type ExecutorSettingsView = Answer<Awaited<ReturnType<typeof client.api.settings.executors.$get>>>;
type SecretState = ExecutorSettingsView['outcomesSecret'];
type SmtpView = NonNullable<ExecutorSettingsView['smtp']>;
type WebhookView = NonNullable<ExecutorSettingsView['webhook']>;
type SaveBody = InferRequestType<typeof client.api.settings.executors.$put>['json'];
type SaveAnswer = Answer<Awaited<ReturnType<typeof client.api.settings.executors.$put>>>;

/** What a secret field sends: left empty keeps the stored secret (omitted), "clear" sends null, text sets it. */
export function secretField(typed: string, clear: boolean): { value?: string | null } {
  if (clear) return { value: null };
  if (typed !== '') return { value: typed };
  return {};
}

function changedText(a: SaveAnswer): string {
  return a.changed.length === 0 ? 'Nothing changed.' : `Saved: ${a.changed.join(', ')}.`;
}

/**
 * The workspace's executor settings for admins: the SMTP server email goes
 * out through, the outgoing webhook LinkedIn actions are posted to, and the
 * secret of the inbound outcomes webhook. Secrets are write-only here: the
 * page shows whether one is stored, never its value.
 */
export function SettingsPage() {
  const permit = usePermit('PUT /api/settings/executors');
  const view = useApi((signal) => (permit.allowed ? call(client.api.settings.executors.$get(undefined, { init: { signal } })) : Promise.resolve(null)), [permit.allowed]);
  return (
    <div className="page">
      <h1>Settings</h1>
      <p className="muted">
        How Scoutline reaches candidates from this workspace. Secrets are stored encrypted and never shown again after they are saved; leave a secret field empty to keep the stored one. The
        worker reads these settings when it starts.
      </p>
      <RoleNote permit={permit} />
      {permit.allowed ? (
        <>
          <ErrorBanner error={view.error} />
          {view.loading && !view.data ? <Loading /> : null}
          {view.data ? (
            <>
              {/* mounted once with the loaded values; a save keeps what was typed, empties the secret fields and reloads whether a secret is stored */}
              <SmtpSection smtp={view.data.smtp} onSaved={view.reload} />
              <WebhookSection webhook={view.data.webhook} onSaved={view.reload} />
              <OutcomesSecretSection state={view.data.outcomesSecret} onSaved={view.reload} />
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** Saving one section: `PUT` the part given, then say which fields changed. */
function useSave(onSaved: () => void) {
  const action = useAction();
  const save = (body: SaveBody) =>
    action.run(async () => {
      const text = changedText(await call(client.api.settings.executors.$put({ json: body })));
      onSaved();
      return text;
    });
  return { ...action, save };
}

/** A section's buttons: save, and remove when something is stored (the environment applies again). */
function SaveButtons({ label, disabled, stored, removeQuestion, onRemove }: { label: string; disabled: boolean; stored: boolean; removeQuestion: string; onRemove: () => void }) {
  return (
    <>
      <div className="field">
        <button type="submit" className="primary" disabled={disabled}>
          {label}
        </button>
      </div>
      {stored ? (
        <div className="field">
          <button type="button" disabled={disabled} onClick={() => window.confirm(removeQuestion) && onRemove()}>
            Remove
          </button>
        </div>
      ) : null}
    </>
  );
}

function SecretInput({ id, label, state, value, onChange, clear, onClear, hint }: { id: string; label: string; state: SecretState | null; value: string; onChange: (v: string) => void; clear: boolean; onClear: (v: boolean) => void; hint?: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="password" autoComplete="new-password" value={value} disabled={clear} onChange={(e) => onChange(e.target.value)} placeholder={state?.set ? 'stored (leave empty to keep)' : 'not set'} aria-describedby={`${id}-state`} />
      <span id={`${id}-state`} className="muted small">
        {state?.set ? 'A secret is stored.' : 'No secret stored.'} {hint}
      </span>
      {state?.set ? (
        <label className="check">
          <input type="checkbox" checked={clear} onChange={(e) => onClear(e.target.checked)} /> Clear the stored secret
        </label>
      ) : null}
    </div>
  );
}

function SmtpSection({ smtp, onSaved }: { smtp: SmtpView | null; onSaved: () => void }) {
  const [host, setHost] = useState(smtp?.host ?? '');
  const [port, setPort] = useState(smtp?.port ?? 587);
  const [secure, setSecure] = useState(smtp?.secure ?? false);
  const [from, setFrom] = useState(smtp?.from ?? '');
  const [user, setUser] = useState(smtp?.auth?.user ?? '');
  const [pass, setPass] = useState('');
  const [clearPass, setClearPass] = useState(false);
  const s = useSave(() => {
    setPass('');
    setClearPass(false);
    onSaved();
  });
  const submit = () => {
    const secret = secretField(pass, clearPass);
    const auth = user.trim() ? { user: user.trim(), ...('value' in secret ? { pass: secret.value } : {}) } : null;
    void s.save({ smtp: { host: host.trim(), port, secure, from: from.trim(), auth } });
  };
  return (
    <Section title="Email (SMTP)" id="smtp-title">
      <p className="muted small">
        {smtp ? 'Stored for this workspace.' : "Not set for this workspace: the server's SCOUTLINE_SMTP_* environment applies, if it has one."}
      </p>
      <ActionForm className="card field-row wrap" labelledBy="smtp-title" onSubmit={submit}>
        <div className="field grow">
          <label htmlFor="smtp-host">Host</label>
          <input id="smtp-host" type="text" value={host} onChange={(e) => setHost(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="smtp-port">Port</label>
          <input id="smtp-port" type="number" min={1} max={65535} value={port} onChange={(e) => setPort(Math.floor(Number(e.target.value)))} />
        </div>
        <div className="field">
          <label className="check">
            <input type="checkbox" checked={secure} onChange={(e) => setSecure(e.target.checked)} /> TLS from the start (port 465)
          </label>
        </div>
        <div className="field grow">
          <label htmlFor="smtp-from">Sender</label>
          <input id="smtp-from" type="text" value={from} onChange={(e) => setFrom(e.target.value)} placeholder="Ada Recruiter <ada@example.com>" required />
        </div>
        <div className="field">
          <label htmlFor="smtp-user">User</label>
          <input id="smtp-user" type="text" autoComplete="off" value={user} onChange={(e) => setUser(e.target.value)} />
        </div>
        <SecretInput id="smtp-pass" label="Password" state={smtp?.auth?.pass ?? null} value={pass} onChange={setPass} clear={clearPass} onClear={setClearPass} />
        <SaveButtons label="Save email settings" disabled={s.busy || !host.trim() || !from.trim()} stored={smtp !== null} removeQuestion="Remove the stored SMTP settings? The server environment applies again." onRemove={() => void s.save({ smtp: null })} />
      </ActionForm>
      <Notice message={s.error} />
      <Notice message={s.notice} tone="ok" />
    </Section>
  );
}

function WebhookSection({ webhook, onSaved }: { webhook: WebhookView | null; onSaved: () => void }) {
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [secret, setSecret] = useState('');
  const [clearSecret, setClearSecret] = useState(false);
  const [maxAttempts, setMaxAttempts] = useState(webhook?.maxAttempts ?? 4);
  const [timeoutMs, setTimeoutMs] = useState(webhook?.timeoutMs ?? 10_000);
  const s = useSave(() => {
    setSecret('');
    setClearSecret(false);
    onSaved();
  });
  const submit = () => {
    const v = secretField(secret, clearSecret);
    void s.save({ webhook: { url: url.trim(), maxAttempts, timeoutMs, ...('value' in v ? { secret: v.value } : {}) } });
  };
  return (
    <Section title="Outgoing webhook" id="webhook-title">
      <p className="muted small">
        LinkedIn actions are posted here, signed with the secret, for the tool that performs them (docs/executors.md).{' '}
        {webhook ? '' : "Not set for this workspace: the server's SCOUTLINE_EXECUTOR_WEBHOOK_* environment applies, if it has one."}
      </p>
      <ActionForm className="card field-row wrap" labelledBy="webhook-title" onSubmit={submit}>
        <div className="field grow">
          <label htmlFor="webhook-url">URL</label>
          <input id="webhook-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://automation.example.com/scoutline" required />
        </div>
        <SecretInput id="webhook-secret" label="Signing secret" state={webhook?.secret ?? null} value={secret} onChange={setSecret} clear={clearSecret} onClear={setClearSecret} hint="At least 8 characters." />
        <div className="field">
          <label htmlFor="webhook-attempts">Attempts</label>
          <input id="webhook-attempts" type="number" min={1} max={10} value={maxAttempts} onChange={(e) => setMaxAttempts(Math.floor(Number(e.target.value)))} />
        </div>
        <div className="field">
          <label htmlFor="webhook-timeout">Timeout (ms)</label>
          <input id="webhook-timeout" type="number" min={100} step={100} value={timeoutMs} onChange={(e) => setTimeoutMs(Math.floor(Number(e.target.value)))} />
        </div>
        <SaveButtons label="Save webhook" disabled={s.busy || !url.trim()} stored={webhook !== null} removeQuestion="Remove the stored webhook settings? The server environment applies again." onRemove={() => void s.save({ webhook: null })} />
      </ActionForm>
      <Notice message={s.error} />
      <Notice message={s.notice} tone="ok" />
    </Section>
  );
}

function OutcomesSecretSection({ state, onSaved }: { state: SecretState; onSaved: () => void }) {
  const [secret, setSecret] = useState('');
  const [clear, setClear] = useState(false);
  const s = useSave(() => {
    setSecret('');
    setClear(false);
    onSaved();
  });
  const v = secretField(secret, clear);
  return (
    <Section title="Inbound outcomes webhook" id="outcomes-title">
      <p className="muted small">
        Your automation reports accepted invitations and replies to <code>POST /api/webhooks/outcomes</code>, signed with this secret.
      </p>
      <ActionForm
        className="card field-row"
        labelledBy="outcomes-title"
        onSubmit={() => {
          if ('value' in v) void s.save({ outcomesSecret: v.value });
        }}
      >
        <SecretInput id="outcomes-secret" label="Signing secret" state={state} value={secret} onChange={setSecret} clear={clear} onClear={setClear} hint="At least 8 characters." />
        <div className="field">
          <button type="submit" className="primary" disabled={s.busy || !('value' in v)}>
            Save secret
          </button>
        </div>
      </ActionForm>
      <Notice message={s.error} />
      <Notice message={s.notice} tone="ok" />
    </Section>
  );
}
