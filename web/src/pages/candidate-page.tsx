import { lastSearchUrl } from '../last-search.ts';
import { useState } from 'react';
import { call, client, errorMessage } from '../api-client.ts';
import { Notice } from '../form-parts.tsx';
import { usePermit } from '../session.tsx';
import { ErrorBanner, Loading, Section, day } from '../components.tsx';
import { Link, navigate } from '../router.tsx';
import { locationText, type Candidate } from '../candidate-text.ts';
import { useApi } from '../use-api.ts';
import { CandidateOutreach } from './candidate-outreach.tsx';
import { CandidateHistory } from './candidate-history.tsx';
import { CandidateNotes } from './candidate-notes.tsx';
import { CandidatePrivacy } from './candidate-privacy.tsx';

export function CandidatePage({ id }: { id: number }) {
  // an outcome or a suppression recorded on this page changes the history shown beside it
  const [changes, setChanges] = useState(0);
  const cand = useApi((signal) => call(client.api.candidates[':id'].$get({ param: { id: String(id) } }, { init: { signal } })), [id]);
  const canDelete = usePermit('DELETE /api/candidates/{id}');
  const [deleteError, setDeleteError] = useState<string | null>(null);
  if (cand.loading && !cand.data) return <Loading />;
  if (!cand.data) return <ErrorBanner error={cand.error} />;
  const c = cand.data;
  const remove = async () => {
    if (!window.confirm(`Delete ${c.name} and everything about them (notes, outreach history)? This cannot be undone.`)) return;
    setDeleteError(null);
    try {
      await call(client.api.candidates[':id'].$delete({ param: { id: String(c.id) } }));
      navigate('/search');
    } catch (err) {
      setDeleteError(errorMessage(err));
    }
  };
  return (
    <div className="page">
      <p className="small">
        <Link to={lastSearchUrl()}>← Search</Link>
      </p>
      <h1>
        {c.name}
        <FlagBadges c={c} />
      </h1>
      <p className="lead">{c.headline}</p>
      <Notice message={deleteError} />
      <div className="layout-main">
        <div>
          <Section title="Profile" id="profile">
            <dl className="props">
              <dt>Location</dt>
              <dd>{locationText(c.location) || '–'}</dd>
              <dt>LinkedIn</dt>
              <dd>
                {c.profileUrl ? (
                  <a href={c.profileUrl} target="_blank" rel="noreferrer noopener">
                    {c.profileUrl}
                  </a>
                ) : (
                  '–'
                )}
              </dd>
              <dt>Email</dt>
              <dd>{c.emails.join(', ') || '–'}</dd>
              <dt>Phone</dt>
              <dd>{c.phones.join(', ') || '–'}</dd>
              <dt>Connection</dt>
              <dd>
                {c.linkedin.degree ? `${ordinal(c.linkedin.degree)} degree` : 'out of network'}
                {c.linkedin.mutualConnections ? ` · ${c.linkedin.mutualConnections} mutual` : ''}
              </dd>
              <dt>Last active</dt>
              <dd>{day(c.linkedin.lastActive)}</dd>
              <dt>Source</dt>
              <dd>
                {c.source} · imported {day(c.importedAt)}
              </dd>
            </dl>
            {c.summary ? (
              <>
                <h3>About</h3>
                <p className="prose">{c.summary}</p>
              </>
            ) : null}
            <h3>Experience</h3>
            {c.positions.length === 0 ? (
              <p className="muted">No positions.</p>
            ) : (
              <ul className="plain-list">
                {c.positions.map((p, i) => (
                  <li key={i}>
                    <strong>{p.title || 'Untitled role'}</strong> · {p.company || '–'}{' '}
                    <span className="muted small">
                      {p.start ?? '?'} – {p.end ?? 'now'}
                    </span>
                    {p.description ? <div className="muted small">{p.description}</div> : null}
                  </li>
                ))}
              </ul>
            )}
            {c.education.length ? (
              <>
                <h3>Education</h3>
                <ul className="plain-list">
                  {c.education.map((e, i) => (
                    <li key={i}>
                      <strong>{e.school}</strong>
                      {e.degree || e.field ? ` · ${[e.degree, e.field].filter(Boolean).join(', ')}` : ''}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {c.skills.length ? (
              <>
                <h3>Skills</h3>
                <div className="chips">
                  {c.skills.map((s) => (
                    <span key={s} className="badge">
                      {s}
                    </span>
                  ))}
                </div>
              </>
            ) : null}
            <div className="card-actions danger-zone">
              <button type="button" className="small danger" disabled={!canDelete.allowed} title={canDelete.reason ?? undefined} onClick={() => void remove()}>
                Delete candidate
              </button>
              {!canDelete.allowed ? <span className="muted small">Only admins and the owner delete candidates.</span> : null}
            </div>
          </Section>
        </div>
        <div>
          <CandidateHistory candidateId={c.id} version={changes} />
          <CandidateNotes candidateId={c.id} />
          <CandidateOutreach candidate={c} onChanged={() => setChanges((n) => n + 1)} />
          <CandidatePrivacy candidateId={c.id} />
        </div>
      </div>
    </div>
  );
}

export function FlagBadges({ c }: { c: Pick<Candidate, 'linkedin'> }) {
  return (
    <span className="badges">
      {c.linkedin.openProfile ? <span className="badge ok">Open Profile</span> : null}
      {c.linkedin.openToWork ? <span className="badge info">Open to Work</span> : null}
      {c.linkedin.degree ? <span className="badge">{ordinal(c.linkedin.degree)}</span> : null}
    </span>
  );
}

export function ordinal(n: number): string {
  return n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`;
}
