import { useState } from 'react';
import { api, ApiError } from '../api-client.ts';
import { ErrorBanner, NotYet } from '../components.tsx';
import { errorColumn } from '../query-assist.ts';
import { QueryBox, type QueryError } from '../query-box.tsx';
import { Link } from '../router.tsx';

interface SearchHit {
  id?: number;
  candidateId?: number;
  name?: string;
  headline?: string;
  candidate?: { id: number; name: string; headline: string };
}

export function SearchPage() {
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [queryError, setQueryError] = useState<QueryError | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [missing, setMissing] = useState(false);
  const [hits, setHits] = useState<SearchHit[] | null>(null);

  const run = async () => {
    setBusy(true);
    setQueryError(null);
    setError(undefined);
    try {
      const res = await api.post<{ results?: SearchHit[] }>('/api/search', { query });
      setHits(res.results ?? []);
      setMissing(false);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'query_syntax') setQueryError({ message: err.message, column: errorColumn(err.details) });
      else if (err instanceof ApiError && err.isMissingRoute) setMissing(true);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <h1>Search</h1>
      <QueryBox value={query} onChange={setQuery} onSubmit={run} error={queryError} busy={busy} />
      {missing ? <NotYet what="Search" /> : null}
      <ErrorBanner error={error} />
      {hits ? (
        <ul className="results">
          {hits.map((h, i) => {
            const c = h.candidate ?? { id: h.candidateId ?? h.id ?? 0, name: h.name ?? '', headline: h.headline ?? '' };
            return (
              <li key={c.id || i} className="result">
                <Link to={`/candidates/${c.id}`}>{c.name}</Link>
                <div className="muted">{c.headline}</div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
