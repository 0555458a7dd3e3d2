import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { channelName } from '../channel-names.ts';
import { Empty, ErrorBanner, Loading, NotYet } from '../components.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { outreachApi, type OutcomeKind, type ReplyKind, type Task, type TaskAnswer } from '../outreach-api.ts';

interface SeatLite {
  id: string;
  name: string;
  plan: string | null;
  balance?: number;
  weeklyInviteCap?: number;
  timeZone?: string;
  workingHours?: { start: string; end: string; days: number[] };
}

/** What the seat can still do: credits and caps from the seat, queue counts from the tasks. */
function capsOf(seat: SeatLite, tasks: Task[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const count = (ch: string) => tasks.filter((t) => t.channel === ch).length;
  out.push(['Tasks due', String(tasks.length)]);
  out.push(['Connection requests due', String(count('connection_request'))]);
  out.push(['InMails due', String(count('inmail'))]);
  if (typeof seat.balance === 'number') out.push(['InMail credits left', String(seat.balance)]);
  if (typeof seat.weeklyInviteCap === 'number') out.push(['Weekly request cap', String(seat.weeklyInviteCap)]);
  for (const [k, label] of [
    ['invitesLeftToday', 'Requests left today'],
    ['invitesLeftThisWeek', 'Requests left this week'],
    ['notesLeftThisMonth', 'Notes left this month'],
  ] as const) {
    const v = (seat as unknown as Record<string, unknown>)[k];
    if (typeof v === 'number') out.push([label, String(v)]);
  }
  return out;
}

export function TodayPage() {
  const seats = useApi((signal) => api.get<{ seats: SeatLite[] }>('/api/seats', signal), []);
  const [seatId, setSeatId] = useState('');
  const list = seats.data?.seats ?? [];
  const current = list.find((s) => s.id === seatId) ?? list[0];
  return (
    <div className="page">
      <h1>Today</h1>
      <ErrorBanner error={seats.error} />
      {seats.loading && !seats.data ? <Loading /> : null}
      {seats.data && list.length === 0 ? (
        <Empty>
          No seats yet. <Link to="/credits">Add the LinkedIn accounts</Link> your team sends from.
        </Empty>
      ) : null}
      <div className="seat-tabs" role="tablist" aria-label="Seats">
        {list.map((s) => (
          <button key={s.id} type="button" role="tab" aria-selected={current?.id === s.id} onClick={() => setSeatId(s.id)}>
            <strong>{s.name}</strong>
            <span className="muted small">{s.plan ?? 'free account'}</span>
          </button>
        ))}
      </div>
      {current ? <SeatQueue key={current.id} seat={current} /> : null}
    </div>
  );
}

function SeatQueue({ seat }: { seat: SeatLite }) {
  const queue = useApi((signal) => outreachApi.tasks(seat.id, signal), [seat.id]);
  const [handled, setHandled] = useState<Array<{ task: Task; answer: TaskAnswer }>>([]);
  const reload = queue.reload;
  // the worker turns due steps into tasks every few seconds: keep the queue fresh
  useEffect(() => {
    const t = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, 10_000);
    return () => clearInterval(t);
  }, [reload]);
  if (queue.missing) return <NotYet what="The task queue" />;
  if (queue.loading && !queue.data) return <Loading />;
  if (!queue.data) return <ErrorBanner error={queue.error} />;
  const done = new Set(handled.map((h) => h.task.actionId));
  const tasks = (queue.data.tasks ?? []).filter((t) => !done.has(t.actionId));
  const caps = capsOf(seat, tasks);
  return (
    <>
      <div className="stats" aria-label="Queue and caps">
        {caps.map(([label, v]) => (
          <div key={label} className="stat">
            <div className="stat-label">{label}</div>
            <div className="stat-value">{v}</div>
          </div>
        ))}
      </div>
      <div className="toolbar">
        <span>
          <strong>{tasks.length}</strong> task{tasks.length === 1 ? '' : 's'} to do
        </span>
        <span className="spacer" />
        <button type="button" className="small" onClick={reload}>
          Refresh
        </button>
      </div>
      {tasks.length === 0 ? (
        <Empty>
          Nothing due for this seat right now. Steps of running campaigns become tasks within the seat&apos;s working hours
          {seat.workingHours ? ` (${seat.workingHours.start}-${seat.workingHours.end} ${seat.timeZone ?? ''})` : ''}; the worker checks every few seconds.
        </Empty>
      ) : null}
      <ol className="task-list" aria-label="Tasks">
        {tasks.map((t) => (
          <TaskCard key={t.actionId} task={t} answer={undefined} onAnswered={(a) => setHandled((h) => [{ task: t, answer: a }, ...h])} />
        ))}
      </ol>
      {handled.length ? (
        <>
          <h2 className="section-title">Handled in this session</h2>
          <ol className="task-list" aria-label="Handled tasks">
            {handled.map((h) => (
              <TaskCard key={h.task.actionId} task={h.task} answer={h.answer} onAnswered={() => {}} />
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}

function TaskCard({ task, answer, onAnswered }: { task: Task; answer: TaskAnswer | undefined; onAnswered: (a: TaskAnswer) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const text = task.body ?? '';
  const length = [...text].length;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(task.subject ? `${task.subject}\n\n${text}` : text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // clipboard refused (no permission): select the text so Ctrl+C works
      const el = document.getElementById(`task-text-${task.actionId}`);
      if (el) window.getSelection()?.selectAllChildren(el);
    }
  };
  const answerTask = async (a: TaskAnswer) => {
    setBusy(true);
    setError(null);
    try {
      await outreachApi.answerTask(task.actionId, a);
      onAnswered(a);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const record = async (kind: OutcomeKind, replyKind?: ReplyKind) => {
    setError(null);
    try {
      await outreachApi.recordOutcome({ candidateId: task.candidateId, campaignId: task.campaignId, kind, replyKind, channel: task.channel });
      setOutcome(kind === 'replied' ? `reply (${replyKind?.replace('_', ' ')})` : kind.replace('_', ' '));
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <li className={`task${answer ? ' answered' : ''}`} data-task-id={task.actionId}>
      <div className="task-head">
        <div>
          <strong>
            <Link to={`/candidates/${task.candidateId}`}>{task.candidateName ?? `Candidate ${task.candidateId}`}</Link>
          </strong>{' '}
          <span className="badge info">{channelName(task.channel)}</span>
          {task.channel === 'connection_request' && task.withNote === false ? <span className="badge warn">no note</span> : null}
          {task.headline ? <div className="muted small">{task.headline}</div> : null}
        </div>
        <div className="muted small">
          {task.campaignName ?? task.campaignId} · step {task.stepKey}
        </div>
      </div>
      {task.subject ? (
        <div className="small">
          <span className="muted">Subject:</span> {task.subject}
        </div>
      ) : null}
      {text ? (
        <div className="message" id={`task-text-${task.actionId}`}>
          {text}
        </div>
      ) : (
        <p className="muted small">{task.channel === 'phone' ? `Call ${task.candidateName ?? 'the candidate'}.` : 'No text for this step.'}</p>
      )}
      <div className="task-actions">
        {text ? (
          <button type="button" onClick={() => void copy()}>
            {copied ? 'Copied ✓' : 'Copy text'}
          </button>
        ) : null}
        {task.profileUrl ? (
          <a className="button" href={task.profileUrl} target="_blank" rel="noreferrer noopener">
            Open profile ↗
          </a>
        ) : null}
        {task.email && task.channel === 'email' ? (
          <a className="button" href={`mailto:${task.email}?subject=${encodeURIComponent(task.subject ?? '')}&body=${encodeURIComponent(text)}`}>
            Email ↗
          </a>
        ) : null}
        {text ? <span className="muted small">{length} characters</span> : null}
        <span className="spacer" />
        {answer ? (
          <span className={`badge ${answer === 'done' ? 'ok' : answer === 'failed' ? 'bad' : ''}`}>{answer}</span>
        ) : (
          <>
            <button type="button" className="primary" disabled={busy} onClick={() => void answerTask('done')}>
              Done
            </button>
            <button type="button" disabled={busy} onClick={() => void answerTask('skipped')}>
              Skip
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => void answerTask('failed')}>
              Failed
            </button>
          </>
        )}
      </div>
      {answer === 'done' ? (
        <div className="task-outcome" role="group" aria-label="Record what happened">
          {outcome ? (
            <span className="badge ok">recorded: {outcome}</span>
          ) : (
            <>
              <span className="muted small">What happened?</span>
              {task.channel === 'connection_request' ? (
                <>
                  <button type="button" className="small" onClick={() => void record('accepted')}>
                    Accepted
                  </button>
                  <button type="button" className="small" onClick={() => void record('declined_invitation')}>
                    Declined
                  </button>
                </>
              ) : null}
              <button type="button" className="small ok" onClick={() => void record('replied', 'positive')}>
                Replied: interested
              </button>
              <button type="button" className="small" onClick={() => void record('replied', 'negative')}>
                Replied: not interested
              </button>
              {task.channel === 'email' ? (
                <button type="button" className="small" onClick={() => void record('bounced')}>
                  Bounced
                </button>
              ) : null}
            </>
          )}
        </div>
      ) : null}
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
    </li>
  );
}
