import { useState } from 'react';
import { call, client, errorMessage } from '../api-client.ts';
import { ActionForm, Notice } from '../form-parts.tsx';
import { outreachApi, type CampaignInput } from '../outreach-api.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';

/**
 * Creates a campaign from a Boolean query or a list of candidates (the
 * search page's selection), with the default framework as its sequence.
 */
export function NewCampaignForm(props: { query?: string; candidateIds?: number[]; roleId?: string; onCancel?: () => void; onCreated?: (id: string) => void; /** inside another card (Add to campaign): no card of its own */ embedded?: boolean }) {
  const seats = useApi((signal) => call(client.api.seats.$get({ query: {} }, { init: { signal } })), []);
  const roles = useApi((signal) => call(client.api.roles.$get({}, { init: { signal } })), []);
  const [name, setName] = useState(() => (props.query ? `Search: ${props.query}`.slice(0, 80) : ''));
  const [query, setQuery] = useState(props.query ?? '');
  const [roleId, setRoleId] = useState(props.roleId ?? '');
  const [title, setTitle] = useState(() => titleFromQuery(props.query ?? ''));
  const { me } = useSession();
  const [company, setCompany] = useState(() => me.workspace?.name ?? '');
  const [seatIds, setSeatIds] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const seatList = seats.data?.seats ?? [];
  const chosen = seatIds ?? (seatList[0] ? [seatList[0].id] : []);
  const fromIds = props.candidateIds && props.candidateIds.length > 0;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const input: CampaignInput = {
        name: name.trim(),
        seatIds: chosen,
        source: fromIds ? { kind: 'ids', ids: props.candidateIds! } : { kind: 'query', query: query.trim(), limit: 1000 },
        company: company.trim(),
      };
      if (roleId) input.roleId = roleId;
      else if (query.trim()) input.role = { name: title.trim() || name.trim(), query: query.trim(), titles: title.trim() ? [title.trim()] : [] };
      const created = await outreachApi.createCampaign(input);
      if (props.onCreated) props.onCreated(created.id);
      else navigate(`/campaigns/${encodeURIComponent(created.id)}`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ActionForm className={props.embedded ? undefined : 'card'} label="New campaign" onSubmit={submit}>
      {props.embedded ? null : <h2>New campaign</h2>}
      <div className="field-row">
        <div className="field grow">
          <label htmlFor="nc-name">Campaign name</label>
          <input id="nc-name" type="text" value={name} required onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="nc-role">Role</label>
          <select id="nc-role" value={roleId} onChange={(e) => setRoleId(e.target.value)}>
            <option value="">from the query</option>
            {(roles.data?.roles ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.name ?? r.id}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field-row">
        {!roleId ? (
          <div className="field grow">
            <label htmlFor="nc-title">Hiring for (job title the messages name)</label>
            <input id="nc-title" type="text" value={title} placeholder="e.g. Senior Backend Engineer" required onChange={(e) => setTitle(e.target.value)} />
          </div>
        ) : null}
        <div className="field grow">
          <label htmlFor="nc-company">Hiring company (the messages name it)</label>
          <input id="nc-company" type="text" value={company} placeholder="e.g. Acme Cloud" required maxLength={200} onChange={(e) => setCompany(e.target.value)} />
        </div>
      </div>
      {fromIds ? (
        <p>
          <strong>{props.candidateIds!.length}</strong> selected candidate{props.candidateIds!.length === 1 ? '' : 's'} from the search.
        </p>
      ) : (
        <div className="field">
          <label htmlFor="nc-query">Candidates: Boolean query (the best 1,000 matches)</label>
          <input id="nc-query" type="text" className="query-input" value={query} required onChange={(e) => setQuery(e.target.value)} />
        </div>
      )}
      <fieldset>
        <legend>Sending seats</legend>
        {seatList.length === 0 ? (
          <p className="muted">
            No seats yet. <Link to="/credits">Add a seat</Link> first.
          </p>
        ) : (
          <div className="field-row">
            {seatList.map((s) => (
              <label key={s.id} className="check">
                <input
                  type="checkbox"
                  checked={chosen.includes(s.id)}
                  onChange={(e) => setSeatIds(e.target.checked ? [...chosen, s.id] : chosen.filter((x) => x !== s.id))}
                />
                {s.name} <span className="muted small">({s.plan ?? 'free'})</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <p className="muted small">The sequence starts as the default framework: connection request with a note, follow-up after acceptance, InMail for high priority, then email or phone.</p>
      <div className="card-actions">
        <button type="submit" className="primary" disabled={busy || !name.trim() || !company.trim() || chosen.length === 0 || (!fromIds && !query.trim()) || (!roleId && !title.trim())}>
          {busy ? 'Creating…' : 'Create campaign'}
        </button>
        {props.onCancel ? (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      <Notice message={error} />
    </ActionForm>
  );
}

/** A job title from a query's first title:/currenttitle: term, e.g. title:"data engineer" -> Data Engineer. */
export function titleFromQuery(query: string): string {
  const m = /(?:current)?title:\s*(?:"([^"]+)"|\(?\s*"?([A-Za-z][\w .+#-]*?)"?(?:\s|\)|$))/i.exec(query);
  const raw = (m?.[1] ?? m?.[2] ?? '').trim();
  return raw.replace(/\b\w/g, (c) => c.toUpperCase());
}
