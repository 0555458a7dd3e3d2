import { Notice } from '../form-parts.tsx';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { InferRequestType } from 'hono/client';
import { ApiError, call, client } from '../api-client.ts';
import { ErrorBanner, Meter } from '../components.tsx';
import { errorColumn } from '../query-assist.ts';
import { QueryBox, type QueryError } from '../query-box.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { toHit, type Hit } from '../search-hit.ts';
import { ordinal } from './candidate-page.tsx';
import { AddToCampaign } from '../campaign/add-to-campaign.tsx';
import { sendFeedback, type Verdict } from '../feedback.ts';
import { useApi } from '../use-api.ts';
import { rememberSearch } from '../last-search.ts';
import { RoleNote, usePermit, usePermitAll } from '../session.tsx';
import type { Permit } from '../role-policy.ts';

export interface SearchFilters {
  location: string;
  openProfile: boolean;
  openToWork: boolean;
  /** '' any, '1' | '2' | '3' */
  degree: string;
}

const noFilters: SearchFilters = { location: '', openProfile: false, openToWork: false, degree: '' };
const pageSize = 50;

function filtersFromUrl(p: URLSearchParams): SearchFilters {
  return { location: p.get('location') ?? '', openProfile: p.get('openProfile') === '1', openToWork: p.get('openToWork') === '1', degree: p.get('degree') ?? '' };
}

/** The search as a URL: back, reload and a shared link restore its query, filters, role and order. */
function urlFor(query: string, f: SearchFilters, rank: { sort: SortMode; roleId: string }): string {
  const p = new URLSearchParams();
  if (query) p.set('q', query);
  if (rank.roleId) p.set('role', rank.roleId);
  if (rank.sort !== 'priority') p.set('sort', rank.sort);
  if (f.location) p.set('location', f.location);
  if (f.openProfile) p.set('openProfile', '1');
  if (f.openToWork) p.set('openToWork', '1');
  if (f.degree) p.set('degree', f.degree);
  const s = p.toString();
  return `/search${s ? `?${s}` : ''}`;
}

/** POST /api/search's body: the filters AND-ed to the query by the server (docs/search.md); with a filter the query may be blank. */
type SearchRequest = InferRequestType<typeof client.api.search.$post>['json'];

export function searchRequest(query: string, f: SearchFilters, limit: number, offset: number, rank?: { sort: SortMode; roleId?: string }): SearchRequest {
  const filters: NonNullable<SearchRequest['filters']> = {};
  if (f.location.trim()) filters.location = f.location.trim();
  if (f.openProfile) filters.openProfile = true;
  if (f.openToWork) filters.openToWork = true;
  if (f.degree) filters.degree = [Number(f.degree)];
  return { query, filters, limit, offset, ...(rank?.sort === 'priority' ? { sort: 'priority' as const } : {}), ...(rank?.roleId ? { roleId: rank.roleId } : {}) };
}

function hasFilter(f: SearchFilters): boolean {
  return Boolean(f.location.trim() || f.openProfile || f.openToWork || f.degree);
}

export type SortMode = 'priority' | 'relevance';

export function SearchPage() {
  const { search } = useLocation();
  const [query, setQuery] = useState(search.get('q') ?? '');
  const [filters, setFilters] = useState<SearchFilters>(() => filtersFromUrl(search));
  const [busy, setBusy] = useState(false);
  const [queryError, setQueryError] = useState<QueryError | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [total, setTotal] = useState(0);
  const [took, setTook] = useState<number | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [verdicts, setVerdicts] = useState<Map<number, Verdict>>(new Map());
  const [notice, setNotice] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const ran = useRef(false);
  const [roleId, setRoleId] = useState(search.get('role') ?? '');
  const [sort, setSort] = useState<SortMode>(search.get('sort') === 'relevance' ? 'relevance' : 'priority');
  const roles = useApi((signal) => call(client.api.roles.$get({}, { init: { signal } })), []);
  const canAdd = usePermit('POST /api/campaigns/{id}/candidates');
  // feedback on a plain search saves the query as a role first
  const canJudge = usePermitAll('POST /api/roles', 'POST /api/candidates/{id}/feedback');

  const run = async (offset = 0, q = query, f = filters) => {
    if (!q.trim() && !hasFilter(f)) {
      setQueryError({ message: 'Type a query first, e.g. skill:python AND title:engineer (or set a filter)', column: null });
      return;
    }
    setBusy(true);
    setQueryError(null);
    setError(undefined);
    setNotice(null);
    if (offset === 0) {
      const url = urlFor(q, f, { sort, roleId });
      navigate(url, true);
      rememberSearch(url);
    }
    try {
      const role = roles.data?.roles.find((r) => r.id === roleId);
      // one route for every order and filter: the server plans, ranks and filters the same way for the CLI (docs/search.md)
      const res = await call(client.api.search.$post({ json: searchRequest(q, f, pageSize, offset, { sort, roleId: role?.id ?? (roles.data ? undefined : roleId || undefined) }) }));
      const list = res.results.map(toHit);
      setHits((prev) => (offset === 0 || !prev ? list : [...prev, ...list]));
      setTotal(res.total);
      setTook(res.tookMs);
      if (offset === 0) setSelected(new Set());
    } catch (err) {
      if (err instanceof ApiError && err.code === 'query_syntax') setQueryError({ message: err.message, column: errorColumn(err.details, q) });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  // a shared link (/search?q=... or only filters: /search?openToWork=1) runs its search once on open
  useEffect(() => {
    if (!ran.current && (query.trim() || hasFilter(filters))) {
      ran.current = true;
      void run(0);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // a new order or role re-runs the search shown
  const firstOrder = useRef(true);
  useEffect(() => {
    if (firstOrder.current) {
      firstOrder.current = false;
      return;
    }
    if (hits && (query.trim() || hasFilter(filters))) void run(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sort, roleId]);

  const setFilter = <K extends keyof SearchFilters>(k: K, v: SearchFilters[K]) => {
    const next = { ...filters, [k]: v };
    setFilters(next);
    if (hits && (query.trim() || hasFilter(next))) void run(0, query, next);
  };

  const visibleIds = useMemo(() => (hits ?? []).map((h) => h.candidate.id), [hits]);
  const allSelected = visibleIds.length > 0 && visibleIds.every((id) => selected.has(id));
  const toggle = (id: number) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const feedback = async (ids: number[], verdict: Verdict) => {
    setError(undefined);
    try {
      await sendFeedback(ids, verdict, { roleId: roleId || undefined, query });
      setVerdicts((m) => {
        const n = new Map(m);
        for (const id of ids) n.set(id, verdict);
        return n;
      });
      setNotice(`${ids.length} candidate${ids.length === 1 ? '' : 's'} ${verdict === 'shortlist' ? 'shortlisted' : 'rejected'}.`);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="page">
      <h1>Search</h1>
      <QueryBox value={query} onChange={setQuery} onSubmit={() => void run(0)} error={queryError} busy={busy} />
      <div className="filters" role="group" aria-label="Filters">
        <div className="field">
          <label htmlFor="f-location">Location</label>
          <input
            id="f-location"
            type="text"
            placeholder="city, region or country"
            value={filters.location}
            onChange={(e) => setFilters({ ...filters, location: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void run(0);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="f-degree">Connection</label>
          <select id="f-degree" value={filters.degree} onChange={(e) => setFilter('degree', e.target.value)}>
            <option value="">any degree</option>
            <option value="1">1st degree</option>
            <option value="2">2nd degree</option>
            <option value="3">3rd degree</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-role">Rank for role</label>
          <select
            id="f-role"
            value={roleId}
            onChange={(e) => {
              const id = e.target.value;
              setRoleId(id);
              const role = roles.data?.roles.find((r) => r.id === id);
              if (role?.query && !query.trim()) setQuery(role.query);
            }}
          >
            <option value="">this query</option>
            {(roles.data?.roles ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.name ?? r.id}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-sort">Order</label>
          <select
            id="f-sort"
            value={sort}
            onChange={(e) => {
              setSort(e.target.value as SortMode);
            }}
          >
            <option value="priority">priority (fit × reply)</option>
            <option value="relevance">keyword relevance</option>
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={filters.openProfile} onChange={(e) => setFilter('openProfile', e.target.checked)} /> Open Profile
        </label>
        <label className="check">
          <input type="checkbox" checked={filters.openToWork} onChange={(e) => setFilter('openToWork', e.target.checked)} /> Open to Work
        </label>
        {filters !== noFilters && JSON.stringify(filters) !== JSON.stringify(noFilters) ? (
          <button type="button" className="small" onClick={() => setFilters(noFilters)}>
            Clear filters
          </button>
        ) : null}
      </div>
      <ErrorBanner error={error} />
      <Notice message={notice} tone="ok" />
      {hits ? (
        <>
          {sort !== 'relevance' && hits.length > 0 && hits.every((h) => h.priority === null) ? (
            <Notice tone="info" message="Filters only: these matches are not ranked, as there is no search term to rank them by. Add a term (e.g. title:engineer) or choose a role to rank by priority." />
          ) : null}
          <div className="toolbar" role="toolbar" aria-label="Results">
            <label className="check">
              <input
                type="checkbox"
                checked={allSelected}
                onChange={() => setSelected(allSelected ? new Set() : new Set(visibleIds))}
                aria-label="Select all shown results"
              />
              <span>
                <strong>{total.toLocaleString()}</strong> result{total === 1 ? '' : 's'}
                {took !== null ? <span className="muted small"> · {took} ms</span> : null}
              </span>
            </label>
            <span className="spacer" />
            <span className="muted small" aria-live="polite">
              {selected.size} selected
            </span>
            <button type="button" className="primary" disabled={selected.size === 0 || !canAdd.allowed} title={canAdd.reason ?? undefined} onClick={() => setAdding(true)}>
              Add to campaign
            </button>
            <button type="button" className="ok" disabled={selected.size === 0 || !canJudge.allowed} title={canJudge.reason ?? undefined} onClick={() => void feedback([...selected], 'shortlist')}>
              Shortlist
            </button>
            <button type="button" className="danger" disabled={selected.size === 0 || !canJudge.allowed} title={canJudge.reason ?? undefined} onClick={() => void feedback([...selected], 'reject')}>
              Reject
            </button>
          </div>
          <RoleNote permit={canAdd.allowed ? canJudge : canAdd} />
          {adding ? (
            <AddToCampaign candidateIds={[...selected]} query={query} roleId={roleId || undefined} onCancel={() => setAdding(false)} />
          ) : null}
          {hits.length === 0 ? (
            <p className="empty">No profile matches this query. Loosen a term or remove a filter.</p>
          ) : (
            <ul className="results" aria-label="Search results">
              {hits.map((h) => (
                <ResultRow
                  key={h.candidate.id}
                  hit={h}
                  selected={selected.has(h.candidate.id)}
                  verdict={verdicts.get(h.candidate.id)}
                  onToggle={() => toggle(h.candidate.id)}
                  onFeedback={(v) => void feedback([h.candidate.id], v)}
                  canJudge={canJudge}
                />
              ))}
            </ul>
          )}
          {hits.length < total ? (
            <button type="button" onClick={() => void run(hits.length)} disabled={busy}>
              Show more ({(total - hits.length).toLocaleString()} left)
            </button>
          ) : null}
        </>
      ) : (
        <SearchHelp />
      )}
    </div>
  );
}

function ResultRow(props: { hit: Hit; selected: boolean; verdict: Verdict | undefined; onToggle: () => void; onFeedback: (v: Verdict) => void; canJudge: Permit }) {
  const { hit, selected, verdict, onToggle, onFeedback, canJudge } = props;
  const c = hit.candidate;
  return (
    <li className={`result${selected ? ' selected' : ''}${verdict === 'reject' ? ' rejected' : ''}`} data-candidate-id={c.id}>
      <input type="checkbox" checked={selected} onChange={onToggle} aria-label={`Select ${c.name}`} />
      <div className="result-main">
        <div className="result-name">
          <Link to={`/candidates/${c.id}`}>{c.name}</Link>{' '}
          {verdict === 'shortlist' ? <span className="badge ok">shortlisted</span> : verdict === 'reject' ? <span className="badge bad">rejected</span> : null}
        </div>
        <div className="result-headline">{c.headline}</div>
        <div className="result-meta">
          {c.location ? <span>{c.location}</span> : null}
          {c.degree ? <span>{ordinal(c.degree)} degree</span> : null}
          {c.openProfile ? <span className="badge ok">Open Profile</span> : null}
          {c.openToWork ? <span className="badge info">Open to Work</span> : null}
        </div>
      </div>
      <div className="result-scores">
        {hit.priority !== null ? (
          <div className="nowrap">
            <span className="muted small">Priority </span>
            <span className="priority">{hit.priority}</span>
          </div>
        ) : null}
        {hit.fit !== null ? <Meter label="Fit" value={hit.fit} /> : null}
        {hit.replyLikelihood !== null ? <Meter label="Reply chance" value={hit.replyLikelihood} /> : null}
      </div>
      {hit.why.length ? (
        <ul className="result-why" aria-label={`Why ${c.name}`}>
          {hit.why.slice(0, 4).map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ) : null}
      <div className="result-actions">
        <button type="button" className="small ok" aria-pressed={verdict === 'shortlist'} disabled={!canJudge.allowed} title={canJudge.reason ?? undefined} onClick={() => onFeedback('shortlist')}>
          Shortlist
        </button>
        <button type="button" className="small danger" aria-pressed={verdict === 'reject'} disabled={!canJudge.allowed} title={canJudge.reason ?? undefined} onClick={() => onFeedback('reject')}>
          Reject
        </button>
        {c.profileUrl ? (
          <a className="button small" href={c.profileUrl} target="_blank" rel="noreferrer noopener">
            LinkedIn ↗
          </a>
        ) : null}
      </div>
    </li>
  );
}

function SearchHelp() {
  return (
    <div className="card help">
      <h2>How to search</h2>
      <ul>
        <li>
          Words are joined by AND: <code>java spring</code>. Use <code>OR</code>, <code>NOT</code> (upper case) and parentheses:{' '}
          <code>(python OR scala) NOT recruiter</code>.
        </li>
        <li>
          Phrases in quotes: <code>"data engineer"</code>. Prefixes with <code>*</code>: <code>engineer*</code>.
        </li>
        <li>
          Fields restrict a term: <code>title:"product manager"</code>, <code>skill:(kotlin OR java)</code>, <code>company:spotify</code>. Type a word and a
          colon to see the fields.
        </li>
        <li>Press Enter to search. Select results to add them to a campaign, shortlist or reject them.</li>
      </ul>
    </div>
  );
}
