import { channelName } from '../channel-names.ts';
import { Empty, ErrorBanner, Loading, Section } from '../components.tsx';
import { outreachApi } from '../outreach-api.ts';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';

const statusTone: Record<string, string> = { sent: 'ok', awaiting_person: 'info', pending: 'info', running: 'info', failed: 'bad', skipped: 'warn', expired: 'warn', cancelled: '' };
const statusLabel: Record<string, string> = { awaiting_person: 'task waiting', pending: 'planned' };

function when(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}

/** The candidate's outreach across campaigns: each enrollment's state, messages sent and transitions, then the outcomes. */
export function CandidateHistory({ candidateId, version = 0 }: { candidateId: number; version?: number }) {
  const h = useApi((signal) => outreachApi.history(candidateId, signal), [candidateId, version]);
  return (
    <Section title="Outreach history" id={`history-${candidateId}`}>
      {h.loading && !h.data ? <Loading /> : null}
      <ErrorBanner error={h.error} />
      {h.data && h.data.enrollments.length === 0 && h.data.outcomes.length === 0 ? <Empty>Not in any campaign yet. Add them from a search.</Empty> : null}
      {h.data?.enrollments.map((e) => (
        <article key={e.id} className="history-entry" aria-label={`Campaign ${e.campaignName}`}>
          <header className="task-head">
            <div>
              <strong>
                <Link to={`/campaigns/${encodeURIComponent(e.campaignId)}`}>{e.campaignName}</Link>
              </strong>{' '}
              <span className={`badge ${e.state === 'replied' ? 'ok' : e.state === 'stopped' ? 'bad' : 'info'}`}>{e.state}</span>
            </div>
            <div className="muted small">
              seat {e.seatId} · priority {e.priority} · since {when(e.enrolledAt)}
              {e.replyKind ? ` · reply: ${e.replyKind.replace('_', ' ')}` : ''}
            </div>
          </header>
          {e.actions.length ? (
            <ol className="plain-list history-actions" aria-label="Messages and actions">
              {e.actions.map((a) => (
                <li key={a.id}>
                  <span className="badge info">{channelName(a.channel)}</span> <span className={`badge ${statusTone[a.status] ?? ''}`}>{statusLabel[a.status] ?? a.status}</span>{' '}
                  <span className="muted small">
                    {a.executedAt ? `sent ${when(a.executedAt)}` : `due ${when(a.dueAt)}`}
                    {a.executor ? ` · ${a.executor}` : ''}
                    {a.variant ? ` · variant ${a.variant}` : ''}
                    {a.lastError && a.status !== 'sent' ? ` · ${a.lastError}` : ''}
                  </span>
                  {a.subject ? <div className="small">Subject: {a.subject}</div> : null}
                  {a.body ? <div className="message small">{a.body}</div> : a.channel === 'connection_request' ? <div className="muted small">request without a note</div> : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted small">No action yet: the first step is planned within the seat&apos;s working hours once the campaign runs.</p>
          )}
          {e.transitions.length ? (
            <details>
              <summary className="small">State changes ({e.transitions.length})</summary>
              <ol className="plain-list small">
                {e.transitions.map((t, i) => (
                  <li key={i}>
                    <span className="muted">{when(t.at)}</span> {t.from} → {t.to} <span className="muted">({t.event.replace('_', ' ')}: {t.cause})</span>
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
        </article>
      ))}
      {h.data && h.data.outcomes.length ? (
        <>
          <h3>Outcomes</h3>
          <ul className="plain-list" aria-label="Outcomes">
            {h.data.outcomes.map((o) => (
              <li key={o.id}>
                <span className={`badge ${o.kind === 'replied' ? 'ok' : o.kind === 'accepted' ? 'info' : 'warn'}`}>{o.kind.replace('_', ' ')}</span>
                {o.replyKind ? ` ${o.replyKind.replace('_', ' ')}` : ''}
                <span className="muted small">
                  {' '}
                  · {when(o.at)} · from {o.source}
                  {o.channel ? ` · ${channelName(o.channel)}` : ''}
                  {o.refunded ? ' · InMail credit refunded' : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}
