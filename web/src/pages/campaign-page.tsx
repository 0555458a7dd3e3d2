import { Notice } from '../form-parts.tsx';
import { useState } from 'react';
import { errorMessage } from '../api-client.ts';
import { ErrorBanner, Loading, Section, day } from '../components.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { actionsFor, outreachApi, type SequenceStep } from '../outreach-api.ts';
import { statusTone } from '../campaign/campaign-labels.ts';
import { SequenceEditor } from '../campaign/sequence-editor.tsx';
import { MessagePreview } from '../campaign/message-preview.tsx';
import { SimulationPanel } from '../campaign/simulation-panel.tsx';
import { RoleNote, usePermit } from '../session.tsx';

type Tab = 'sequence' | 'messages' | 'simulate';

export function CampaignPage({ id }: { id: string }) {
  const camp = useApi((signal) => outreachApi.getCampaign(id, signal), [id]);
  const [tab, setTab] = useState<Tab>('sequence');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // launch, pause and stop need the same level; so does the sequence
  const canRun = usePermit('POST /api/campaigns/{id}/launch');
  const canEdit = usePermit('PUT /api/campaigns/{id}/steps');
  if (camp.loading && !camp.data) return <Loading />;
  if (!camp.data) return <ErrorBanner error={camp.error} />;
  const c = camp.data;
  const editable = c.status === 'draft' || c.status === 'paused';

  const act = async (action: 'launch' | 'pause' | 'resume' | 'stop') => {
    if (action === 'stop' && !window.confirm('Stop this campaign? Pending steps are cancelled; this cannot be undone.')) return;
    setBusy(true);
    setError(null);
    try {
      await outreachApi.setStatus(c.id, action);
      setNotice(action === 'launch' ? 'Campaign launched. Due steps appear on the Today page.' : `Campaign ${action === 'resume' ? 'resumed' : action === 'pause' ? 'paused' : 'stopped'}.`);
      camp.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const saveSequence = async (steps: SequenceStep[]) => {
    // a "saved" from an earlier save must not stand beside this one's refusal
    setNotice(null);
    await outreachApi.saveSequence(c.id, steps);
    // the editor is re-created from the saved campaign, so the page (not the editor) says it was saved
    setNotice('Sequence saved.');
    camp.reload();
  };

  return (
    <div className="page">
      <p className="small">
        <Link to="/campaigns">← Campaigns</Link>
      </p>
      <h1>
        {c.name} <span className={`badge status ${statusTone(c.status)}`}>{c.status}</span>
      </h1>
      <div className="campaign-bar">
        <span className="muted small">
          {c.enrollments} candidate{c.enrollments === 1 ? '' : 's'} · seats {c.seatIds.join(', ')} · created {day(c.createdAt)}
          {c.launchedAt ? ` · launched ${day(c.launchedAt)}` : ''}
          {c.source.kind === 'query' ? (
            <>
              {' '}
              · query <code>{c.source.query}</code>
            </>
          ) : null}
        </span>
        <span className="spacer" />
        {actionsFor(c.status).map((a) => (
          <button key={a.action} type="button" className={a.tone} disabled={busy || !canRun.allowed} title={canRun.reason ?? undefined} onClick={() => void act(a.action)}>
            {a.label}
          </button>
        ))}
        {c.status === 'running' ? (
          <Link to="/today" className="button">
            Open Today
          </Link>
        ) : null}
      </div>
      <RoleNote permit={canRun} />
      <Notice message={error} />
      <Notice message={notice} tone="ok" />
      {Object.keys(c.byState ?? {}).length ? (
        <div className="stats">
          {Object.entries(c.byState).map(([state, n]) => (
            <div key={state} className="stat">
              <div className="stat-label">{state}</div>
              <div className="stat-value">{n}</div>
            </div>
          ))}
        </div>
      ) : null}
      <div className="tabs" role="tablist" aria-label="Campaign">
        {(
          [
            ['sequence', 'Sequence'],
            ['messages', 'Message preview'],
            ['simulate', 'Simulate'],
          ] as Array<[Tab, string]>
        ).map(([k, label]) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)}>
            {label}
          </button>
        ))}
      </div>
      {tab === 'sequence' ? (
        <Section title="Sequence" id="seq-title">
          <SequenceEditor key={c.updatedAt} value={c.sequence} onSave={saveSequence} readOnly={!editable || !canEdit.allowed} readOnlyReason={canEdit.reason} />
        </Section>
      ) : tab === 'messages' ? (
        <Section title="Message preview" id="pv-title">
          <MessagePreview campaign={c} candidateIds={c.source.kind === 'query' ? null : c.source.ids} />
        </Section>
      ) : (
        <Section title="Simulation" id="sim-title">
          <SimulationPanel campaignId={c.id} />
        </Section>
      )}
    </div>
  );
}
