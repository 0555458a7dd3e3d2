import { useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { channelName } from '../channel-names.ts';
import { Empty, ErrorBanner, Loading, NotYet } from '../components.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { outreachApi, type OutcomeKind, type ReplyKind, type SeatCaps, type Task, type TaskAnswer } from '../outreach-api.ts';

interface SeatLite {
  id: string;
  name: string;
  plan: string | null;
  balance?: number;
}

const capLabels: Record<string, string> = {
  invitesLeftThisWeek: 'Requests left this week',
  invitesLeftToday: 'Requests left today',
  weeklyInviteCap: 'Weekly request cap',
  invitesThisWeek: 'Requests sent this week',
  notesLeftThisMonth: 'Notes left this month',
  inmailCredits: 'InMail credits',
  balance: 'InMail credits',
  dailyBudgetLeft: 'Actions left today',
  actionsLeftToday: 'Actions left today',
  pending: 'Pending requests',
  pendingInvitations: 'Pending requests',
};

function capsOf(queue: { caps?: SeatCaps[] | SeatCaps | null } | undefined, seatId: string): Array<[string, string]> {
  const raw = queue?.caps;
  const caps = Array.isArray(raw) ? raw.find((c) => c.seatId === seatId) : raw;
  if (!caps) return [];
  const out: Array<[string, string]> = [];
  const walk = (obj: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(obj)) {
      if (k === 'seatId') continue;
      const label = capLabels[k] ?? `${prefix}${k.replace(/([A-Z])/g, ' $1').toLowerCase()}`;
      if (typeof v === 'number' || typeof v === 'string') out.push([label, String(v)]);
      else if (v === null) out.push([label, '–']);
      else if (typeof v === 'object' && !Array.isArray(v)) walk(v as Record<string, unknown>, `${k} `);
    }
  };
  walk(caps, '');
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
  const [answered, setAnswered] = useState<Map<string, TaskAnswer>>(new Map());
  if (queue.missing) return <NotYet what="The task queue" />;
  if (queue.loading && !queue.data) return <Loading />;
  if (!queue.data) return <ErrorBanner error={queue.error} />;
  const tasks = queue.data.tasks ?? [];
  const caps = capsOf(queue.data, seat.id);
  const open = tasks.filter((t) => !answered.has(t.id));
  return (
    <>
      {caps.length ? (
        <div className="stats" aria-label="Remaining caps">
          {caps.map(([label, v]) => (
            <div key={label} className="stat">
              <div className="stat-label">{label}</div>
              <div className="stat-value">{v}</div>
            </div>
          ))}
        </div>
      ) : null}
      <div className="toolbar">
        <strong>{open.length}</strong> task{open.length === 1 ? '' : 's'} to do
        <span className="spacer" />
        <button type="button" className="small" onClick={queue.reload}>
          Refresh
        </button>
      </div>
      {tasks.length === 0 ? <Empty>Nothing due for this seat. Launch a campaign, or come back on the next working day.</Empty> : null}
      <ol className="task-list" aria-label="Tasks">
        {tasks.map((t) => (
          <TaskCard key={t.id} task={t} answer={answered.get(t.id)} onAnswered={(a) => setAnswered((m) => new Map(m).set(t.id, a))} />
        ))}
      </ol>
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
      const el = document.getElementById(`task-text-${task.id}`);
      if (el) window.getSelection()?.selectAllChildren(el);
    }
  };
  const answerTask = async (a: TaskAnswer) => {
    setBusy(true);
    setError(null);
    try {
      await outreachApi.answerTask(task.id, a);
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
    <li className={`task${answer ? ' answered' : ''}`} data-task-id={task.id}>
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
        <div className="message" id={`task-text-${task.id}`}>
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
