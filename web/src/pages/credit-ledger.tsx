import { call, client, type Answer } from '../api-client.ts';
import { Empty, ErrorBanner, Loading, Section } from '../components.tsx';
import { useApi } from '../use-api.ts';

/** One recorded ledger event as `GET /api/seats/{seatId}/credits/events` answers it. */
type StoredEvent = Answer<Awaited<ReturnType<(typeof client.api.seats)[':seatId']['credits']['events']['$get']>>>['events'][number];

/** Who recorded an event, in words: a member, the local command line, or Scoutline itself. */
export function eventAuthor(e: Pick<StoredEvent, 'recordedBy' | 'author'>): string {
  if (e.author) return e.author.name ? `${e.author.name} (${e.author.email})` : e.author.email;
  if (e.recordedBy === 'cli') return 'command line';
  if (e.recordedBy === 'system') return 'Scoutline';
  if (e.recordedBy === null) return 'before accounts';
  return 'a former member';
}

/** The seat's append-only credit ledger, newest first, with who recorded each event. */
export function CreditLedger({ seatId, version }: { seatId: string; version: number }) {
  const events = useApi((signal) => call(client.api.seats[':seatId'].credits.events.$get({ param: { seatId: encodeURIComponent(seatId) } }, { init: { signal } })), [seatId, version]);
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
                  <td>{e.summary}</td>
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
