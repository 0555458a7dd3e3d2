import { Notice, ActionForm, NumberField } from '../form-parts.tsx';
import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { call, client, errorMessage, type Answer } from '../api-client.ts';
import { CountBars } from '../charts.tsx';
import { Loading, money, pct } from '../components.tsx';

const simulation = client.api.campaigns[':id'].simulation.$get;
/** GET /api/campaigns/{id}/simulation: the contract's answer, so the panel and the simulator cannot drift apart. */
type Simulation = Answer<Awaited<ReturnType<typeof simulation>>>;
type SimulationTotals = Simulation['totals'];

const n = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Runs the campaign against the sandbox audience and charts the forecast next to an InMail-only plan. */
export function SimulationPanel({ campaignId }: { campaignId: string }) {
  const [days, setDays] = useState(30);
  const [seed, setSeed] = useState('1');
  const [sim, setSim] = useState<Simulation | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setSim(await call(client.api.campaigns[':id'].simulation.$get({ param: { id: encodeURIComponent(campaignId) }, query: { days: String(days), ...(seed ? { seed } : {}) } })));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  let cumA = 0;
  let cumB = 0;
  const cumulative = sim
    ? sim.days.map((d, i) => {
        cumA += d.replies;
        cumB += sim.inmailOnly.days[i]?.replies ?? 0;
        return { date: d.date.slice(5), sequence: cumA, inmailOnly: cumB };
      })
    : [];
  const t: Partial<SimulationTotals> = sim?.totals ?? {};
  const o: Partial<SimulationTotals> = sim?.inmailOnly.totals ?? {};
  return (
    <div>
      <ActionForm onSubmit={run}>
        <NumberField id="sim-days" label="Days" min={1} max={365} value={days} onChange={setDays} />
        <div className="field">
          <label htmlFor="sim-seed">Seed</label>
          <input id="sim-seed" type="text" value={seed} size={6} onChange={(e) => setSeed(e.target.value)} />
        </div>
        <div className="field">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Simulating…' : 'Simulate'}
          </button>
        </div>
      </ActionForm>
      {busy ? <Loading label="Simulating" /> : null}
      <Notice message={error} />
      {sim ? (
        <div data-testid="simulation-result">
          <div className="table-wrap">
            <table className="compare" aria-label="Simulation totals">
              <thead>
                <tr>
                  <th />
                  <th className="num">This sequence</th>
                  <th className="num">InMail only</th>
                </tr>
              </thead>
              <tbody>
                {(
                  [
                    ['Candidates', n(t.candidates), n(o.candidates), String],
                    ['Connection requests', n(t.invitations), n(o.invitations), String],
                    ['Accepted', n(t.acceptances), n(o.acceptances), String],
                    ['InMails (paid / free)', `${n(t.inmailsPaid) ?? 0} / ${n(t.inmailsFree) ?? 0}`, `${n(o.inmailsPaid) ?? 0} / ${n(o.inmailsFree) ?? 0}`, String],
                    ['Replies', n(t.replies), n(o.replies), String],
                    ['Reply rate', n(t.replyRate), n(o.replyRate), (v: unknown) => pct(v as number, 1)],
                    ['Credits spent / refunded', `${n(t.creditsSpent) ?? 0} / ${n(t.creditsRefunded) ?? 0}`, `${n(o.creditsSpent) ?? 0} / ${n(o.creditsRefunded) ?? 0}`, String],
                    ['Cost (net of refunds)', n(t.costUsd), n(o.costUsd), (v: unknown) => money(v as number)],
                    ['Cost per reply', n(t.costPerReply), n(o.costPerReply), (v: unknown) => money(v as number)],
                  ] as Array<[string, unknown, unknown, (v: unknown) => string]>
                ).map(([label, a, b, f]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td className="num">{a === null ? '–' : f(a)}</td>
                    <td className="num">{b === null ? '–' : f(b)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="grid-2">
            <div>
              <h3>Actions per day</h3>
              <CountBars
                data={sim.days.map((d) => ({ ...d, date: d.date.slice(5), inmails: d.inmailsPaid + d.inmailsFree }))}
                x="date"
                stacked
                bars={[
                  { key: 'invitations', name: 'requests' },
                  { key: 'messages', name: 'messages' },
                  { key: 'inmails', name: 'InMails' },
                  { key: 'emails', name: 'emails' },
                  { key: 'phoneTasks', name: 'calls' },
                ]}
                label="Simulated actions per day by channel"
              />
            </div>
            <div>
              <h3>Replies over time</h3>
              <div className="chart" role="img" aria-label="Cumulative replies: this sequence against InMail only">
                <ResponsiveContainer width="100%" height="100%">
                  <LineChart data={cumulative} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
                    <CartesianGrid stroke="#e8ecf1" vertical={false} />
                    <XAxis dataKey="date" tick={{ fontSize: 11 }} minTickGap={24} />
                    <YAxis tick={{ fontSize: 11 }} allowDecimals={false} />
                    <Tooltip />
                    <Legend />
                    <Line type="monotone" dataKey="sequence" name="this sequence" stroke="#1f4e79" strokeWidth={2} dot={false} isAnimationActive={false} />
                    <Line type="monotone" dataKey="inmailOnly" name="InMail only" stroke="#b7791f" strokeWidth={2} strokeDasharray="5 4" dot={false} isAnimationActive={false} />
                  </LineChart>
                </ResponsiveContainer>
              </div>
            </div>
          </div>
          <p className="muted small">
            Sandbox audience with the published rates (seed {String(sim.seed)}, from {sim.startDate}); nothing is sent.
          </p>
        </div>
      ) : null}
    </div>
  );
}
