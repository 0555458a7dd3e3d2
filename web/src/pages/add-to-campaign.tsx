import { useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useApi } from '../use-api.ts';
import { getIfAvailable } from '../capabilities.ts';

interface CampaignLite {
  id: number | string;
  name: string;
  status?: string;
}

/** Panel: add the selected candidates to an existing campaign or a new one made from this search. */
export function AddToCampaign(props: { candidateIds: number[]; query: string; onClose: () => void; onDone: (message: string) => void }) {
  const { candidateIds, query, onClose, onDone } = props;
  const list = useApi((signal) => getIfAvailable<{ campaigns: CampaignLite[] }>('/api/campaigns', '/api/campaigns', { campaigns: [] }, signal), []);
  const campaigns = list.data?.campaigns ?? [];
  const [target, setTarget] = useState<string>('new');
  const [name, setName] = useState(() => `Search: ${query}`.slice(0, 80));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      let id: string | number = target;
      if (target === 'new') {
        const created = await api.post<CampaignLite>('/api/campaigns', { name, query });
        id = created.id;
      }
      await api.post(`/api/campaigns/${id}/enrollments`, { candidateIds });
      onDone(`${candidateIds.length} candidate${candidateIds.length === 1 ? '' : 's'} added to the campaign.`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card" role="dialog" aria-label="Add to campaign">
      <div className="field-row">
        <div className="field">
          <label htmlFor="atc-target">Campaign</label>
          <select id="atc-target" value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="new">New campaign from this search</option>
            {campaigns.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
                {c.status ? ` (${c.status})` : ''}
              </option>
            ))}
          </select>
        </div>
        {target === 'new' ? (
          <div className="field grow">
            <label htmlFor="atc-name">Name</label>
            <input id="atc-name" type="text" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
        ) : null}
        <div className="field">
          <button type="button" className="primary" disabled={busy || (target === 'new' && !name.trim())} onClick={() => void submit()}>
            Add {candidateIds.length}
          </button>
        </div>
        <div className="field">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
