import { useState } from 'react';
import { call, client, type AnswerOf } from '../api-client.ts';
import { useAction } from '../use-action.ts';
import { ErrorBanner, Loading, Section, day } from '../components.tsx';
import { ActionForm, Notice } from '../form-parts.tsx';
import { Link } from '../router.tsx';
import { RoleNote, usePermit } from '../session.tsx';
import { useApi } from '../use-api.ts';

/** `GET /api/privacy/settings` (docs/privacy.md). */
type PrivacySettingsView = AnswerOf<typeof client.api.privacy.settings.$get>;
type RetentionPolicy = PrivacySettingsView['retention'];
type RetentionAction = RetentionPolicy['action'];
type LawfulBasis = PrivacySettingsView['lawfulBases'][number]['value'];
type RetentionRun = NonNullable<PrivacySettingsView['lastRetentionRun']>;
type DryRun = AnswerOf<(typeof client.api.privacy.retention)['dry-run']['$post']>;

/** What a policy does, in one sentence. */
export function policyText(p: RetentionPolicy): string {
  if (p.months === null) return 'No retention policy: candidates are kept until someone deletes them.';
  const what = p.action === 'erase' ? 'erased' : 'flagged for review';
  return `Candidates with no activity for ${p.months} month${p.months === 1 ? '' : 's'} are ${what}${p.schedule ? ', once a day by the worker' : ' when an admin applies the policy'}.`;
}

function runText(r: RetentionRun): string {
  const done = r.action === 'erase' ? `${r.erased} erased` : `${r.flagged} flagged`;
  return `${day(r.at)} by ${r.by}: ${done}${r.skipped ? `, ${r.skipped} left for the next run` : ''}`;
}

/**
 * The workspace's personal-data settings for admins: the lawful basis it
 * declares, the privacy notice templates can link to, and the retention
 * policy, with a dry run that lists who it would affect before anyone is
 * flagged or erased.
 */
export function PrivacyPage() {
  const permit = usePermit('PUT /api/privacy/settings');
  const view = useApi((signal) => (permit.allowed ? call(client.api.privacy.settings.$get({}, { init: { signal } })) : Promise.resolve(null)), [permit.allowed]);
  return (
    <div className="page">
      <h1>Privacy</h1>
      <p className="muted">
        What this workspace tells candidates and how long it keeps them. Each candidate page shows where their data came from and offers their export; erasing someone keeps only a one-way hash so they
        are never contacted again.
      </p>
      <RoleNote permit={permit} />
      {permit.allowed ? (
        <>
          <ErrorBanner error={view.error} />
          {view.loading && !view.data ? <Loading /> : null}
          {view.data ? <PrivacyForms settings={view.data} onSaved={view.reload} /> : null}
        </>
      ) : null}
    </div>
  );
}

function PrivacyForms({ settings, onSaved }: { settings: PrivacySettingsView; onSaved: () => void }) {
  const [basis, setBasis] = useState<LawfulBasis | ''>(settings.lawfulBasis ?? '');
  const [note, setNote] = useState(settings.lawfulBasisNote);
  const [notice, setNotice] = useState(settings.privacyNoticeUrl ?? '');
  const [months, setMonths] = useState(settings.retention.months === null ? '' : String(settings.retention.months));
  const [action, setAction] = useState<RetentionAction>(settings.retention.action);
  const [schedule, setSchedule] = useState(settings.retention.schedule);
  const save = useAction();
  const policy: RetentionPolicy = { months: months.trim() === '' ? null : Math.floor(Number(months)), action, schedule };
  const submit = () =>
    save.run(async () => {
      const body = { lawfulBasis: basis || null, lawfulBasisNote: note.trim(), privacyNoticeUrl: notice.trim() || null, retention: policy };
      const answer = await call(client.api.privacy.settings.$put({ json: body }));
      onSaved();
      return answer.changed.length ? `Saved: ${answer.changed.join(', ')}.` : 'Nothing changed.';
    });
  return (
    <>
      <ActionForm className="stack" label="Privacy settings" onSubmit={submit}>
        <Section title="Lawful basis" id="basis-title">
          <p className="muted small">The ground on which this workspace processes candidates' data, shown on every candidate page and in each export.</p>
          <div className="card field-row wrap">
            <div className="field">
              <label htmlFor="privacy-basis">Basis</label>
              <select id="privacy-basis" value={basis} onChange={(e) => setBasis(e.target.value as LawfulBasis | '')}>
                <option value="">Not declared</option>
                {settings.lawfulBases.map((b) => (
                  <option key={b.value} value={b.value}>
                    {b.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field grow">
              <label htmlFor="privacy-basis-note">Where it is documented</label>
              <input id="privacy-basis-note" type="text" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} placeholder="Legitimate-interest assessment, 2026-01, HR drive" />
            </div>
          </div>
        </Section>
        <Section title="Privacy notice" id="notice-title">
          <p className="muted small">
            Templates insert it with <code>{'{{ privacy_notice_url }}'}</code>, so candidates learn at first contact who holds their data and why.
          </p>
          <div className="card field-row">
            <div className="field grow">
              <label htmlFor="privacy-notice">Address</label>
              <input id="privacy-notice" type="url" value={notice} onChange={(e) => setNotice(e.target.value)} placeholder="https://example.com/candidate-privacy" />
            </div>
          </div>
        </Section>
        <Section title="Retention" id="retention-title">
          <p className="muted small">
            Activity is an import, an edit, a note or an outreach step. Flagged candidates stay searchable with a flag until someone acts; erased ones are gone, and only a hash stops anyone contacting
            them again.
          </p>
          <div className="card field-row wrap">
            <div className="field">
              <label htmlFor="retention-months">Months without activity</label>
              <input id="retention-months" type="number" min={1} max={120} value={months} onChange={(e) => setMonths(e.target.value)} placeholder="none" />
            </div>
            <div className="field">
              <label htmlFor="retention-action">Then</label>
              <select id="retention-action" value={action} onChange={(e) => setAction(e.target.value as RetentionAction)}>
                <option value="flag">flag for review</option>
                <option value="erase">erase</option>
              </select>
            </div>
            <div className="field">
              <label className="check">
                <input type="checkbox" checked={schedule} onChange={(e) => setSchedule(e.target.checked)} /> Apply once a day (the worker)
              </label>
            </div>
          </div>
          <p className="small" data-testid="policy-text">
            {policyText(policy)}
          </p>
        </Section>
        <div className="field">
          <button type="submit" className="primary" disabled={save.busy}>
            Save privacy settings
          </button>
        </div>
        <Notice message={save.error} />
        <Notice message={save.notice} tone="ok" />
      </ActionForm>
      <RetentionRunSection saved={settings.retention} lastRun={settings.lastRetentionRun} unsaved={JSON.stringify(policy) !== JSON.stringify(settings.retention)} onApplied={onSaved} />
    </>
  );
}

/** The dry run of the saved policy, and applying it. */
function RetentionRunSection({ saved, lastRun, unsaved, onApplied }: { saved: RetentionPolicy; lastRun: RetentionRun | null; unsaved: boolean; onApplied: () => void }) {
  const [dry, setDry] = useState<DryRun | null>(null);
  const check = useAction();
  const apply = useAction();
  const runDry = () =>
    check.run(async () => {
      const r = await call(client.api.privacy.retention['dry-run'].$post({ json: { limit: 200 } }));
      setDry(r);
      return r.policy.months === null ? 'No policy is saved.' : `${r.total} candidate${r.total === 1 ? '' : 's'} would be ${r.policy.action === 'erase' ? 'erased' : 'flagged'}.`;
    });
  const runApply = () => {
    const count = dry ? `${dry.total} candidate${dry.total === 1 ? '' : 's'}` : 'the candidates it affects';
    const question = saved.action === 'erase' ? `Erase ${count} now? This cannot be undone.` : `Flag ${count} for review now?`;
    if (!window.confirm(question)) return;
    void apply.run(async () => {
      const r = await call(client.api.privacy.retention.apply.$post({ json: {} }));
      setDry(null);
      onApplied();
      const done = r.action === 'erase' ? `Erased ${r.erased}` : `Flagged ${r.flagged}`;
      return `${done} candidate${(r.action === 'erase' ? r.erased : r.flagged) === 1 ? '' : 's'}${r.unflagged ? `; ${r.unflagged} flags lifted` : ''}${r.skipped ? `; ${r.skipped} left for the next run (a message to them was being sent)` : ''}.`;
    });
  };
  return (
    <Section title="Apply the policy" id="apply-title">
      <p className="muted small">
        Saved policy: {policyText(saved)} Last applied: {lastRun ? runText(lastRun) : 'never'}.
      </p>
      {unsaved ? <Notice message="The form above has changes that are not saved: the dry run and apply use the saved policy." tone="warn" /> : null}
      <div className="card-actions">
        <button type="button" disabled={check.busy || saved.months === null} onClick={() => void runDry()}>
          Dry run
        </button>
        <button type="button" className={saved.action === 'erase' ? 'danger' : 'primary'} disabled={apply.busy || saved.months === null} onClick={runApply}>
          {saved.action === 'erase' ? 'Erase now' : 'Flag now'}
        </button>
      </div>
      <Notice message={check.error ?? apply.error} />
      <Notice message={apply.notice ?? check.notice} tone="ok" />
      {dry && dry.policy.months !== null ? (
        <div className="table-wrap">
        <table aria-label="Candidates the policy affects">
          <thead>
            <tr>
              <th>Candidate</th>
              <th>Last activity</th>
              <th>Flagged</th>
            </tr>
          </thead>
          <tbody>
            {dry.candidates.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/candidates/${c.id}`}>{c.name || `#${c.id}`}</Link>
                </td>
                <td>{day(c.lastActivityAt)}</td>
                <td>{c.flaggedAt ? day(c.flaggedAt) : '–'}</td>
              </tr>
            ))}
            {dry.total > dry.candidates.length ? (
              <tr>
                <td colSpan={3} className="muted small">
                  … and {dry.total - dry.candidates.length} more
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
        </div>
      ) : null}
    </Section>
  );
}
