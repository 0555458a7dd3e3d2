import { Notice } from '../form-parts.tsx';
import { useEffect, useState } from 'react';
import { call, client, errorMessage, type AnswerOf } from '../api-client.ts';
import { channelName } from '../channel-names.ts';
import { Empty, ErrorBanner, Loading } from '../components.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { outreachApi, type OutcomeKind, type ReplyKind, type SeatCaps, type SeatOutlook, type Task, type TaskAnswer } from '../outreach-api.ts';
import { whenInZone, zonePlace } from '../seat-time.ts';
import { RoleNote, usePermit } from '../session.tsx';
import type { Permit } from '../role-policy.ts';

/** A seat as GET /api/seats serves it. */
type SeatLite = AnswerOf<typeof client.api.seats.$get>['seats'][number];

/** The caps the seat has left, as the planner counts them (GET /api/tasks `seats[].caps`). */
function capsOf(seat: SeatLite, caps: SeatCaps | undefined, tasks: Task[]): Array<[string, string, string?]> {
  // the number of tasks is in the toolbar below
  const out: Array<[string, string, string?]> = [];
  if (!caps) {
    out.push(['Tasks to do', String(tasks.length)]);
    if (typeof seat.balance === 'number') out.push(['InMail credits', String(seat.balance)]);
    return out;
  }
  const inv = caps.invitations;
  // after the working hours nothing more goes out today: say so rather than show a budget nobody can use
  const today = caps.dayOver ? `${inv.plannedToday} planned today; working hours are over` : `${inv.plannedToday} planned today`;
  out.push(['Requests left today', String(inv.leftToday), today]);
  out.push(['Requests left this week', String(inv.leftThisWeek), `of ${inv.weeklyCap} per rolling 7 days`]);
  out.push(['Notes left this month', caps.notesLeftThisMonth === null ? 'unlimited' : String(caps.notesLeftThisMonth), caps.notesLeftThisMonth === null ? 'paid seat' : 'free seat: monthly quota']);
  out.push(['InMail credits', caps.inmail.hasPlan ? String(caps.inmail.credits) : 'none', caps.inmail.hasPlan ? `${caps.inmail.leftToday} left of today's InMail limit` : 'no paid plan']);
  out.push(['Other actions left today', String(caps.otherActionsLeftToday), 'messages, emails, calls']);
  out.push(['Pending requests', String(inv.pending), `kept under ${inv.maxPending}`]);
  return out;
}

export function TodayPage() {
  const seats = useApi((signal) => call(client.api.seats.$get({ query: {} }, { init: { signal } })), []);
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
  // done, skip and fail need the same level
  const canWork = usePermit('POST /api/tasks/{id}/done');
  const reload = queue.reload;
  const working = queue.data?.seats?.find((o) => o.seatId === seat.id)?.working ?? true;
  // While the seat works, the worker turns due steps into tasks every few seconds: keep the queue fresh.
  // Outside its hours nothing falls due before the window opens, and each refresh then costs the server
  // the planner's dry run for "Coming next" (0.2-0.4 s for a 5,000-person campaign at 1M profiles): once a minute.
  useEffect(() => {
    const t = setInterval(
      () => {
        if (document.visibilityState === 'visible') reload();
      },
      working ? 10_000 : 60_000,
    );
    return () => clearInterval(t);
  }, [reload, working]);
  if (queue.loading && !queue.data) return <Loading />;
  if (!queue.data) return <ErrorBanner error={queue.error} />;
  const done = new Set(handled.map((h) => h.task.actionId));
  const tasks = (queue.data.tasks ?? []).filter((t) => !done.has(t.actionId));
  const outlook = queue.data.seats?.find((o) => o.seatId === seat.id);
  const caps = capsOf(seat, outlook?.caps, tasks);
  const zone = outlook?.timeZone ?? seat.timeZone ?? 'UTC';
  return (
    <>
      {outlook?.caps.paused ? (
        <div className="banner warn" role="status">
          This seat is paused for the rest of its day: a limit was reported. Nothing is planned or claimed until tomorrow.
        </div>
      ) : null}
      <div className="stats" aria-label="Caps left">
        {caps.map(([label, v, hint]) => (
          <div key={label} className="stat">
            <div className="stat-label">{label}</div>
            <div className="stat-value">{v}</div>
            {hint ? <div className="muted small">{hint}</div> : null}
          </div>
        ))}
      </div>
      <div className="toolbar">
        <span>
          <strong>{tasks.length}</strong> task{tasks.length === 1 ? '' : 's'} to do
          {outlook ? (
            <span className="muted small">
              {' '}
              · {outlook.working ? 'within working hours' : 'outside working hours'}
              {seat.workingHours ? ` (${seat.workingHours.start}-${seat.workingHours.end} ${zonePlace(zone)})` : ''}
              {tasks.length > 0 && outlook.upcoming[0] ? ` · next task ${whenInZone(outlook.upcoming[0].dueAt, zone)}` : ''}
            </span>
          ) : null}
        </span>
        <span className="spacer" />
        <button type="button" className="small" onClick={reload}>
          Refresh
        </button>
      </div>
      {tasks.length ? <RoleNote permit={canWork} /> : null}
      {tasks.length === 0 ? <NothingDue outlook={outlook} seat={seat} zone={zone} /> : null}
      <ol className="task-list" aria-label="Tasks">
        {tasks.map((t) => (
          <TaskCard key={t.actionId} task={t} answer={undefined} permit={canWork} onAnswered={(a) => setHandled((h) => [{ task: t, answer: a }, ...h])} />
        ))}
      </ol>
      {handled.length ? (
        <>
          <h2 className="section-title">Handled in this session</h2>
          <ol className="task-list" aria-label="Handled tasks">
            {handled.map((h) => (
              <TaskCard key={h.task.actionId} task={h.task} answer={h.answer} permit={canWork} onAnswered={() => {}} />
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}

/** The queue is empty: say when the next task comes and show what is planned (read only: tasks are done at their planned time). */
function NothingDue({ outlook, seat, zone }: { outlook: SeatOutlook | undefined; seat: SeatLite; zone: string }) {
  const next = outlook?.upcoming[0];
  return (
    <>
      <Empty>
        {!outlook
          ? 'Nothing due for this seat right now.'
          : next
            ? `Nothing due right now. The next task comes ${whenInZone(next.dueAt, zone)}.`
            : outlook.working
              ? 'Nothing due and nothing more planned for this seat today.'
              : `Outside this seat's working hours${outlook.nextWindowStart ? `: the next window opens ${whenInZone(outlook.nextWindowStart, zone)}` : ''}. Nothing is planned for it yet.`}
        {!next && outlook ? (
          <>
            {' '}
            Launch a campaign on this seat to plan its steps (<Link to="/campaigns">Campaigns</Link>).
          </>
        ) : null}
      </Empty>
      {outlook && outlook.upcoming.length ? <Upcoming outlook={outlook} zone={zone} /> : null}
      {seat.workingHours && !outlook ? <p className="muted small">Working hours: {seat.workingHours.start}-{seat.workingHours.end} {seat.timeZone ?? ''}.</p> : null}
    </>
  );
}

function Upcoming({ outlook, zone }: { outlook: SeatOutlook; zone: string }) {
  const forecast = outlook.upcoming.some((u) => u.kind === 'forecast');
  return (
    <section aria-labelledby={`upcoming-${outlook.seatId}`}>
      <h2 className="section-title" id={`upcoming-${outlook.seatId}`}>
        Coming next
      </h2>
      <p className="muted small">
        {forecast
          ? 'What the planner will queue when the next working window opens, if nothing changes before then (a reply or an acceptance can change it). '
          : 'Planned for later today. '}
        Each becomes a task at its time: LinkedIn actions are paced through working hours with random gaps, never in bursts, so they cannot be done early.
      </p>
      <ol className="task-list upcoming" aria-label="Coming next">
        {outlook.upcoming.map((u) => (
          <li key={`${u.campaignId}:${u.candidateId}:${u.stepKey}`} className="task upcoming-task">
            <div className="task-head">
              <div>
                <strong>
                  <Link to={`/candidates/${u.candidateId}`}>{u.candidateName}</Link>
                </strong>{' '}
                <span className="badge info">{channelName(u.channel)}</span>
                {u.channel === 'connection_request' && !u.withNote ? <span className="badge warn">no note</span> : null}
              </div>
              <div className="muted small">
                <time dateTime={u.dueAt}>{whenInZone(u.dueAt, zone)}</time> · {u.campaignName} · step {u.stepKey}
              </div>
            </div>
            {u.body ? (
              <details>
                <summary className="small">Text</summary>
                <div className="message">{u.body}</div>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function TaskCard({ task, answer, permit, onAnswered }: { task: Task; answer: TaskAnswer | undefined; permit: Permit; onAnswered: (a: TaskAnswer) => void }) {
  const why = permit.reason ?? undefined;
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
      {task.lint && task.lint.length ? (
        <ul className="lint" aria-label="Lint">
          {task.lint.map((f, i) => (
            <li key={i} className={f.severity === 'error' ? 'lint-error' : 'lint-warning'}>
              <span className={`badge ${f.severity === 'error' ? 'bad' : 'warn'}`}>{f.severity}</span> {f.message}
            </li>
          ))}
        </ul>
      ) : null}
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
            <button type="button" className="primary" disabled={busy || !permit.allowed} title={why} onClick={() => void answerTask('done')}>
              Done
            </button>
            <button type="button" disabled={busy || !permit.allowed} title={why} onClick={() => void answerTask('skipped')}>
              Skip
            </button>
            <button type="button" className="danger" disabled={busy || !permit.allowed} title={why} onClick={() => void answerTask('failed')}>
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
      <Notice message={error} />
    </li>
  );
}
