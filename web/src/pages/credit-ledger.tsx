import { api } from '../api-client.ts';
import { Empty, ErrorBanner, Loading, Section } from '../components.tsx';
import { useApi } from '../use-api.ts';

/** One recorded ledger event as `GET /api/seats/{seatId}/credits/events` answers it. */
interface StoredEvent {
  seq: number;
  type: string;
  date: string;
  recordedAt: string;
  recordedBy: string | null;
  author: { userId: string; email: string; name: string } | null;
  [field: string]: unknown;
}

/** Who recorded an event, in words: a member, the local command line, or Scoutline itself. */
export function eventAuthor(e: Pick<StoredEvent, 'recordedBy' | 'author'>): string {
  if (e.author) return e.author.name ? `${e.author.name} (${e.author.email})` : e.author.email;
  if (e.recordedBy === 'cli') return 'command line';
  if (e.recordedBy === 'system') return 'Scoutline';
  if (e.recordedBy === null) return 'before accounts';
  return 'a former member';
}

/** What an event did, in a recruiter's words. */
export function eventSummary(e: StoredEvent, seatName: (id: string) => string = (id) => id): string {
  const n = (k: string) => (typeof e[k] === 'number' ? (e[k] as number) : 0);
  const s = (k: string) => (typeof e[k] === 'string' ? (e[k] as string) : '');
  switch (e.type) {
    case 'subscribe':
      return `subscribed to ${s('plan')}`;
    case 'switch':
      return `switched to ${s('plan')}`;
    case 'cancel':
      return 'cancelled the plan';
    case 'inmail':
      return `InMail to ${s('to')}${e.openProfile ? ' (Open Profile, free)' : ''}`;
    case 'reply':
      return `reply from ${s('from')}${s('kind') ? ` (${s('kind').replace('_', ' ')})` : ''}`;
    case 'purchase':
      return `bought ${n('count')} credits`;
    case 'transfer_out':
      return `moved ${n('count')} credits to ${seatName(s('toSeat'))}`;
    case 'transfer_in':
      return `received ${n('count')} credits from ${seatName(s('fromSeat'))}`;
    default:
      return e.type.replace(/_/g, ' ');
  }
}

/** The seat's append-only credit ledger, newest first, with who recorded each event. */
export function CreditLedger({ seatId, version, seatNames }: { seatId: string; version: number; seatNames: ReadonlyMap<string, string> }) {
  const events = useApi((signal) => api.get<{ events: StoredEvent[] }>(`/api/seats/${encodeURIComponent(seatId)}/credits/events`, signal), [seatId, version]);
  return (
    <Section title="Ledger" id="ledger-title">
      <ErrorBanner error={events.error} />
      {events.loading && !events.data ? <Loading /> : null}
      {events.data && events.data.events.length === 0 ? <Empty>Nothing recorded on this seat yet.</Empty> : null}
      {events.data && events.data.events.length > 0 ? (
        <div className="table-wrap scroll-y">
          <table aria-labelledby="ledger-title">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>Date</th>
                <th>Event</th>
                <th>Recorded by</th>
                <th>Recorded at</th>
              </tr>
            </thead>
            <tbody>
              {[...events.data.events].reverse().map((e) => (
                <tr key={e.seq}>
                  <td className="num">{e.seq}</td>
                  <td className="nowrap">{e.date}</td>
                  <td>{eventSummary(e, (id) => seatNames.get(id) ?? id)}</td>
                  <td>{eventAuthor(e)}</td>
                  <td className="nowrap muted small">{e.recordedAt.slice(0, 16).replace('T', ' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Section>
  );
}
