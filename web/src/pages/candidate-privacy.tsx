import { call, client } from '../api-client.ts';
import { ErrorBanner, Loading, Section, day } from '../components.tsx';
import { Notice } from '../form-parts.tsx';
import { usePermit } from '../session.tsx';
import { useApi } from '../use-api.ts';

/**
 * A candidate's personal-data facts: where their data came from and when,
 * the basis the workspace declared, a retention flag, and (for admins) the
 * download of everything held about them, for a data-subject access request.
 */
export function CandidatePrivacy({ candidateId }: { candidateId: number }) {
  const view = useApi((signal) => call(client.api.candidates[':id'].privacy.$get({ param: { id: String(candidateId) } }, { init: { signal } })), [candidateId]);
  const canExport = usePermit('GET /api/candidates/{id}/export');
  const p = view.data;
  return (
    <Section title="Personal data" id="privacy-title">
      <ErrorBanner error={view.error} />
      {view.loading && !p ? <Loading /> : null}
      {p ? (
        <>
          {p.retentionFlag ? (
            <Notice tone="warn" message={`Flagged by the retention policy on ${day(p.retentionFlag.flaggedAt)}: no activity since ${day(p.retentionFlag.lastActivityAt)}.`} />
          ) : null}
          <dl className="props">
            <dt>Lawful basis</dt>
            <dd>
              {p.lawfulBasisText ?? 'not declared'}
              {p.lawfulBasisNote ? <span className="muted small"> · {p.lawfulBasisNote}</span> : null}
            </dd>
            <dt>First recorded</dt>
            <dd>
              {day(p.firstRecorded.at)} from {p.firstRecorded.source}
            </dd>
          </dl>
          <h3>Data sources</h3>
          {p.sources.length === 0 ? (
            <p className="muted small">No source recorded beyond the first one.</p>
          ) : (
            <ul className="plain-list" aria-label="Data sources">
              {p.sources.map((s, i) => (
                <li key={i}>
                  {s.description}
                </li>
              ))}
            </ul>
          )}
          <div className="card-actions">
            {canExport.allowed ? (
              // a plain link: the server answers with Content-Disposition: attachment and the file name
              <a className="button small" href={`/api/candidates/${candidateId}/export`} download>
                Download their data (JSON)
              </a>
            ) : (
              <>
                <button type="button" className="small" disabled title={canExport.reason ?? undefined}>
                  Download their data (JSON)
                </button>
                <span className="muted small">{canExport.reason}</span>
              </>
            )}
          </div>
        </>
      ) : null}
    </Section>
  );
}
