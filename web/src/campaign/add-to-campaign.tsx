import { ActionForm, Notice } from '../form-parts.tsx';
import { useState } from 'react';
import { errorMessage } from '../api-client.ts';
import { outreachApi, type AddCandidatesResult } from '../outreach-api.ts';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { NewCampaignForm } from './new-campaign-form.tsx';

const skipReason: Record<AddCandidatesResult['skipped'][number]['reason'], string> = { already_enrolled: 'already in the campaign', suppressed: 'on the suppression list' };

/**
 * "Add to campaign" for a search selection: an existing campaign that still
 * takes candidates (draft, running, paused) or a new one. Skipped candidates
 * are listed with the reason.
 */
export function AddToCampaign(props: { candidateIds: number[]; query: string; roleId?: string; onCancel: () => void }) {
  const campaigns = useApi((signal) => outreachApi.listCampaigns(signal), []);
  const open = (campaigns.data?.campaigns ?? []).filter((c) => c.status !== 'stopped');
  const [mode, setMode] = useState<'existing' | 'new' | null>(null);
  const chosenMode = mode ?? 'new';
  const [campaignId, setCampaignId] = useState('');
  const target = campaignId || open[open.length - 1]?.id || '';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<(AddCandidatesResult & { name: string }) | null>(null);

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await outreachApi.addCandidates(target, props.candidateIds);
      setResult({ ...r, name: open.find((c) => c.id === target)?.name ?? target });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card" role="group" aria-label="Add to campaign">
      <h2>Add {props.candidateIds.length} candidate{props.candidateIds.length === 1 ? '' : 's'} to a campaign</h2>
      <div className="field-row" role="radiogroup" aria-label="New or existing campaign">
        <label className="check">
          <input type="radio" name="atc-mode" checked={chosenMode === 'existing'} disabled={open.length === 0} onChange={() => setMode('existing')} /> An existing campaign
          {campaigns.data && open.length === 0 ? <span className="muted small"> (none yet)</span> : null}
        </label>
        <label className="check">
          <input type="radio" name="atc-mode" checked={chosenMode === 'new'} onChange={() => setMode('new')} /> A new campaign
        </label>
      </div>
      {chosenMode === 'existing' && open.length ? (
        <ActionForm  onSubmit={add}>
          <div className="field-row">
            <div className="field grow">
              <label htmlFor="atc-campaign">Campaign</label>
              <select id="atc-campaign" value={target} onChange={(e) => setCampaignId(e.target.value)}>
                {open.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.status}, {c.enrollments ?? 0} candidates)
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p className="muted small">A running campaign starts their sequence today, within the seats&apos; working hours; a draft or paused one when it is launched or resumed.</p>
          <div className="card-actions">
            <button type="submit" className="primary" disabled={busy || !target}>
              {busy ? 'Adding…' : 'Add to this campaign'}
            </button>
            <button type="button" onClick={props.onCancel}>
              Cancel
            </button>
          </div>
        </ActionForm>
      ) : null}
      {chosenMode === 'new' ? <NewCampaignForm candidateIds={props.candidateIds} query={props.query} roleId={props.roleId} onCancel={props.onCancel} embedded /> : null}
      <Notice message={error} />
      {result ? (
        <div className={`banner ${result.added.length ? 'ok' : 'warn'}`} role="status">
          Added {result.added.length} to <Link to={`/campaigns/${encodeURIComponent(result.campaignId)}`}>{result.name}</Link>.
          {result.skipped.length ? (
            <>
              {' '}
              Skipped {result.skipped.length}:{' '}
              {Object.entries(skipReason)
                .map(([reason, label]) => [label, result.skipped.filter((s) => s.reason === reason).length] as const)
                .filter(([, n]) => n > 0)
                .map(([label, n]) => `${n} ${label}`)
                .join(', ')}
              .
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
