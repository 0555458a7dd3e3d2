import { useEffect, useState } from 'react';
import { errorMessage } from '../api-client.ts';
import { accountApi, type AuditAction, type AuditEntry, type AuditQuery } from '../account-api.ts';
import { Empty, Loading } from '../components.tsx';
import { ActionForm, Notice } from '../form-parts.tsx';
import { RoleNote, usePermit } from '../session.tsx';
import { useLocation } from '../router.tsx';
import { useApi } from '../use-api.ts';

const defaultPageSize = 50;

interface Filters {
  action: AuditAction | '';
  actor: string;
  from: string;
  to: string;
}
const noFilters: Filters = { action: '', actor: '', from: '', to: '' };

function queryOf(f: Filters, pageSize: number, before?: number): AuditQuery {
  // `to` is a day and the whole of it counts; the API's `to` is exclusive, so ask up to the next day
  const dayAfter = f.to ? new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : undefined;
  return { action: f.action || undefined, actor: f.actor.trim() || undefined, from: f.from || undefined, to: dayAfter, before, limit: pageSize };
}

/** Values of details as plain text (never markup): `role: viewer, emailed: false`. */
export function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
}

/** The workspace's audit log, newest first, for admins: filter by action, actor and dates; page back with "Older". */
export function AuditPage() {
  const permit = usePermit('GET /api/audit');
  // ?limit= sets the page size (1-500), e.g. to read a long day in bigger pages
  const { search } = useLocation();
  const pageSize = Math.min(Math.max(Math.trunc(Number(search.get('limit'))) || defaultPageSize, 1), 500);
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const actions = useApi((signal) => accountApi.auditActions(signal), []);

  const load = async (f: Filters, before?: number) => {
    setBusy(true);
    setError(null);
    try {
      const r = await accountApi.audit(queryOf(f, pageSize, before));
      setEntries((prev) => (before && prev ? [...prev, ...r.entries] : r.entries));
      setNext(r.nextBefore);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    if (permit.allowed) void load(filters);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filters, permit.allowed]);

  if (!permit.allowed)
    return (
      <div className="page">
        <h1>Audit log</h1>
        <RoleNote permit={permit} />
      </div>
    );
  return (
    <div className="page">
      <h1>Audit log</h1>
      <p className="muted">Who did what and when in this workspace: sign-ins, invitations and role changes, tokens, imports, deletions, campaign launches, credit moves, settings. Entries cannot be changed or removed.</p>
      <ActionForm className="filters card" label="Audit filters" onSubmit={() => setFilters({ ...draft })}>
        <div className="field">
          <label htmlFor="au-action">Action</label>
          <select id="au-action" value={draft.action} onChange={(e) => setDraft({ ...draft, action: actions.data?.find((a) => a === e.target.value) ?? '' })}>
            <option value="">any action</option>
            {(actions.data ?? []).map((a) => (
              <option key={a} value={a}>
                {a.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="au-actor">Who (part of an email)</label>
          <input id="au-actor" type="text" maxLength={200} value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="au-from">From</label>
          <input id="au-from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="au-to">To</label>
          <input id="au-to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <div className="field">
          <button type="submit" className="primary" disabled={busy}>
            Apply
          </button>
        </div>
        {JSON.stringify(filters) !== JSON.stringify(noFilters) ? (
          <div className="field">
            <button
              type="button"
              onClick={() => {
                setDraft(noFilters);
                setFilters(noFilters);
              }}
            >
              Clear
            </button>
          </div>
        ) : null}
      </ActionForm>
      <Notice message={error} />
      {entries === null ? (
        <Loading />
      ) : entries.length === 0 ? (
        <Empty>No entries match.</Empty>
      ) : (
        <div className="table-wrap card">
          <table aria-label="Audit entries" className="stack">
            <thead>
              <tr>
                <th>When (UTC)</th>
                <th>Who</th>
                <th>Action</th>
                <th>Target</th>
                <th>Outcome</th>
                <th>Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap" data-label="When">{e.at.slice(0, 19).replace('T', ' ')}</td>
                  <td className="break" data-label="Who">
                    {/* one box, so the phone layout keeps the actor and how they came in together */}
                    <div>
                      {e.actor}
                      <div className="muted small">
                        via {e.via}
                        {e.ip ? ` · ${e.ip}` : ''}
                      </div>
                    </div>
                  </td>
                  <td className="nowrap" data-label="Action">{e.action.replace(/_/g, ' ')}</td>
                  <td className="break" data-label="Target">{e.target ?? '–'}</td>
                  <td data-label="Outcome">
                    <span className={`badge ${e.outcome === 'ok' ? 'ok' : 'bad'}`}>{e.outcome}</span>
                  </td>
                  <td className="break small" data-label="Details">{detailsText(e.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next !== null ? (
        <button type="button" disabled={busy} onClick={() => void load(filters, next)}>
          {busy ? 'Loading…' : 'Older'}
        </button>
      ) : null}
    </div>
  );
}
