import { Notice, ActionForm, NumberField } from '../form-parts.tsx';
import { useState, type ReactNode } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { call, client, errorMessage, type Answer } from '../api-client.ts';
import { Empty, ErrorBanner, Loading, Section, money, pct } from '../components.tsx';
import { useApi } from '../use-api.ts';
import { usePermit } from '../session.tsx';
import { CreditLedger } from './credit-ledger.tsx';
import { CreditPurchaseForm } from './credit-purchase-form.tsx';
import { CreditTransferForm } from './credit-transfer-form.tsx';

type SeatRow = Answer<Awaited<ReturnType<typeof client.api.seats.$get>>>['seats'][number];
type PlanRow = Answer<Awaited<ReturnType<typeof client.api.credits.plans.$get>>>['plans'][number];
type Lot = Answer<Awaited<ReturnType<(typeof client.api.seats)[':seatId']['credits']['$get']>>>['lots'][number];
type Forecast = Answer<Awaited<ReturnType<typeof client.api.credits.forecast.$post>>>;
type Advice = Answer<Awaited<ReturnType<typeof client.api.credits.advice.$post>>>;

const dayMs = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const daysBetween = (a: string, b: string) => Math.round((toDay(b) - toDay(a)) / dayMs);

export function CreditsPage() {
  const seats = useApi((signal) => call(client.api.seats.$get({ query: {} }, { init: { signal } })), []);
  const plans = useApi((signal) => call(client.api.credits.plans.$get({}, { init: { signal } })), []);
  const [seatId, setSeatId] = useState<string>('');
  const pooledPlans = new Set((plans.data?.plans ?? []).filter((p) => p.pooled).map((p) => p.id));
  if (seats.loading && !seats.data) return <Page><Loading /></Page>;
  const list = seats.data?.seats ?? [];
  const current = list.find((s) => s.id === seatId) ?? list[0];
  return (
    <Page>
      <ErrorBanner error={seats.error} />
      <div className="seat-tabs" role="tablist" aria-label="Seats">
        {list.map((s) => (
          <button key={s.id} type="button" role="tab" aria-selected={current?.id === s.id} onClick={() => setSeatId(s.id)}>
            <strong>{s.name}</strong>
            <span className="muted small">
              {s.plan ?? 'no plan'} · {s.balance} credits{s.awaitingReply ? ` · ${s.awaitingReply} awaiting reply` : ''}
            </span>
          </button>
        ))}
      </div>
      {list.length === 0 ? <Empty>No seats yet. Add the LinkedIn accounts your team sends from.</Empty> : null}
      <AddSeat plans={plans.data?.plans ?? []} onAdded={seats.reload} />
      {current ? <SeatCredits key={current.id} seat={current} seats={list} pooledPlans={pooledPlans} onChanged={seats.reload} /> : null}
      <PlanAdvisor />
    </Page>
  );
}

function Page({ children }: { children: ReactNode }) {
  return (
    <div className="page">
      <h1>Credits</h1>
      {children}
    </div>
  );
}

function SeatCredits({ seat, seats, pooledPlans, onChanged }: { seat: SeatRow; seats: SeatRow[]; pooledPlans: ReadonlySet<string>; onChanged: () => void }) {
  // bumped after a purchase or move so the summary, cost and ledger read the new state
  const [version, setVersion] = useState(0);
  const summary = useApi((signal) => call(client.api.seats[':seatId'].credits.$get({ param: { seatId: encodeURIComponent(seat.id) }, query: {} }, { init: { signal } })), [seat.id, version]);
  const cost = useApi((signal) => call(client.api.seats[':seatId'].credits.cost.$get({ param: { seatId: encodeURIComponent(seat.id) }, query: {} }, { init: { signal } })), [seat.id, version]);
  const changed = () => {
    setVersion((v) => v + 1);
    onChanged();
  };
  if (summary.loading && !summary.data) return <Loading />;
  if (!summary.data) return <ErrorBanner error={summary.error} />;
  const s = summary.data;
  return (
    <>
      <div className="stats">
        <Stat label="Balance" value={String(s.balance)} sub={s.plan ? `cap ${s.plan.cap}` : 'no paid plan'} />
        <Stat label="Plan" value={s.plan?.name ?? 'None'} sub={s.plan ? `${s.plan.monthlyAllocation} / month` : 'no InMail without a plan'} />
        <Stat label="Next renewal" value={s.nextRenewal ?? '–'} sub={s.nextRenewal ? `in ${daysBetween(s.date, s.nextRenewal)} days` : ''} />
        <Stat
          label={`Expiring within ${s.expiringSoon.withinDays} days`}
          value={String(s.expiringSoon.count)}
          sub={s.expiringSoon.count ? `by ${s.expiringSoon.until}` : 'nothing expires soon'}
          tone={s.expiringSoon.count ? 'warn' : undefined}
        />
        <Stat label="Awaiting reply" value={String(s.awaitingReply.length)} sub="InMails that can still refund" />
        <Stat
          label="Cost per reply"
          value={cost.data?.costPerReplyUsd != null ? money(cost.data.costPerReplyUsd) : '–'}
          sub={cost.data ? `${money(cost.data.spendUsd)} spent · ${cost.data.inmailsSent} InMail${cost.data.inmailsSent === 1 ? '' : 's'}` : ''}
        />
      </div>
      <div className="grid-2">
        <Section title="Credit lots" id="lots-title">
          <LotTimeline lots={s.lots} today={s.date} />
        </Section>
        <Section title="InMails awaiting reply" id="awaiting-title">
          {s.awaitingReply.length === 0 ? (
            <p className="muted">None. A reply within 90 days of the send refunds its credit.</p>
          ) : (
            <div className="table-wrap scroll-y">
              <table>
                <thead>
                  <tr>
                    <th>To</th>
                    <th>Sent</th>
                    <th>Refund if reply by</th>
                    <th className="num">Days left</th>
                  </tr>
                </thead>
                <tbody>
                  {[...s.awaitingReply]
                    .sort((a, b) => (a.refundableUntil ?? '9').localeCompare(b.refundableUntil ?? '9'))
                    .map((a) => {
                      const left = a.refundableUntil ? daysBetween(s.date, a.refundableUntil) : null;
                      return (
                        <tr key={`${a.to}-${a.sent}`}>
                          <td>{a.to}</td>
                          <td className="nowrap">{a.sent}</td>
                          <td className="nowrap">{a.openProfile ? <span className="badge ok">Open Profile: free</span> : (a.refundableUntil ?? '–')}</td>
                          <td className={`num${left !== null && left <= 14 ? ' warn-text' : ''}`}>{left ?? '–'}</td>
                        </tr>
                      );
                    })}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      </div>
      {s.plan ? <CreditPurchaseForm seatId={seat.id} thisMonth={s.purchases.thisMonth} cap={s.purchases.cap} onRecorded={changed} /> : null}
      <CreditTransferForm from={seat} seats={seats} pooledPlans={pooledPlans} onMoved={changed} />
      <CreditLedger seatId={seat.id} version={version} />
      <ForecastPanel seat={seat} />
    </>
  );
}

function Stat({ label, value, sub, tone }: { label: string; value: string; sub?: string; tone?: 'warn' }) {
  return (
    <div className={`stat${tone ? ` ${tone}` : ''}`}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
      {sub ? <div className="muted small">{sub}</div> : null}
    </div>
  );
}

/** Lots as bars on a date axis from the earliest grant to the latest expiry, with today marked. */
function LotTimeline({ lots, today }: { lots: Lot[]; today: string }) {
  if (lots.length === 0) return <p className="muted">No credits. Lots appear on grants, refunds, purchases and transfers.</p>;
  const start = Math.min(toDay(today), ...lots.map((l) => toDay(l.granted)));
  const end = Math.max(...lots.map((l) => toDay(l.expires)));
  const span = Math.max(end - start, dayMs);
  const at = (iso: string) => ((toDay(iso) - start) / span) * 100;
  return (
    <div>
      <div className="lot-timeline" role="list" aria-label="Lots by expiry">
        <div className="lot-today" style={{ left: `${at(today)}%` }} aria-hidden="true" title={`today ${today}`} />
        {lots.map((l, i) => (
          <div key={i} className="lot-row" role="listitem" aria-label={`${l.remaining} ${l.source} credits, granted ${l.granted}, expire ${l.expires}`}>
            <div className={`lot-bar lot-${l.source}`} style={{ left: `${at(l.granted)}%`, width: `${Math.max(at(l.expires) - at(l.granted), 1)}%` }}>
              <span>
                {l.remaining} · {l.source}
              </span>
            </div>
          </div>
        ))}
        <div className="lot-axis muted small" aria-hidden="true">
          <span>{new Date(start).toISOString().slice(0, 10)}</span>
          <span>today {today}</span>
          <span>{new Date(end).toISOString().slice(0, 10)}</span>
        </div>
      </div>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Source</th>
              <th>Granted</th>
              <th>Expires</th>
              <th className="num">Left</th>
              <th className="num">Days to expiry</th>
            </tr>
          </thead>
          <tbody>
            {lots.map((l, i) => {
              const left = daysBetween(today, l.expires);
              return (
                <tr key={i}>
                  <td>{l.source}</td>
                  <td className="nowrap">{l.granted}</td>
                  <td className="nowrap">{l.expires}</td>
                  <td className="num">{l.remaining}</td>
                  <td className={`num${left <= 14 ? ' warn-text' : ''}`}>{left}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ForecastPanel({ seat }: { seat: SeatRow }) {
  const [weeklySends, setWeeklySends] = useState(20);
  const [replyRate, setReplyRate] = useState(20);
  const [days, setDays] = useState(180);
  const [result, setResult] = useState<Forecast | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await call(client.api.credits.forecast.$post({ json: { seatId: seat.id, weeklySends, replyRate: replyRate / 100, days, runs: 300 } })));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const data = result?.days.map((d) => ({ date: d.date, expected: d.expected, band: [d.p10, d.p90] as [number, number] }));
  return (
    <Section title="Balance forecast" id="forecast-title">
      <ActionForm onSubmit={run}>
        <NumberField id="fc-sends" label="InMails per week" min={0} max={1000} value={weeklySends} onChange={setWeeklySends} />
        <NumberField id="fc-rate" label="Reply rate %" min={0} max={100} value={replyRate} onChange={setReplyRate} />
        <NumberField id="fc-days" label="Days" min={7} max={730} value={days} onChange={setDays} />
        <div className="field">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Forecasting…' : 'Forecast'}
          </button>
        </div>
      </ActionForm>
      <Notice message={error} />
      {result && data ? (
        <>
          <p>
            {result.runsDry.expected ? (
              <span className="badge warn">runs dry around {result.runsDry.expected}</span>
            ) : (
              <span className="badge ok">does not run dry in {result.days.length} days</span>
            )}{' '}
            <span className="muted small">
              chance of running dry {pct(result.runsDry.probability)} · expected {Math.round(result.expectedTotals.sends)} sends,{' '}
              {Math.round(result.expectedTotals.replies)} replies, {Math.round(result.expectedTotals.refunds)} refunds, {Math.round(result.expectedTotals.refused)} refused
            </span>
          </p>
          <div className="chart" role="img" aria-label="Expected balance by day with a 10th to 90th percentile band">
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
                <CartesianGrid stroke="#e8ecf1" vertical={false} />
                <XAxis dataKey="date" tick={{ fontSize: 11 }} minTickGap={40} />
                <YAxis tick={{ fontSize: 11 }} allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Area type="monotone" dataKey="band" name="10th-90th percentile" stroke="none" fill="#9cc1e6" fillOpacity={0.5} isAnimationActive={false} />
                <Line type="monotone" dataKey="expected" name="expected balance" stroke="#1f4e79" dot={false} strokeWidth={2} isAnimationActive={false} />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
        </>
      ) : null}
    </Section>
  );
}

function PlanAdvisor() {
  const [monthlySends, setMonthlySends] = useState(60);
  const [result, setResult] = useState<Advice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    try {
      setResult(await call(client.api.credits.advice.$post({ json: { monthlySends } })));
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Section title="Plan advisor" id="advisor-title">
      <ActionForm onSubmit={run}>
        <NumberField id="adv-sends" label="InMails per month" min={1} max={5000} value={monthlySends} onChange={setMonthlySends} />
        <div className="field">
          <button type="submit" className="primary">
            Compare plans
          </button>
        </div>
      </ActionForm>
      <Notice message={error} />
      {result
        ? result.scenarios.map((sc) => (
            <div key={sc.replyRate} className="scenario">
              <h3>At a {pct(sc.replyRate)} reply rate</h3>
              <p>{sc.recommendation}</p>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>Plan</th>
                      <th className="num">Price / month</th>
                      <th className="num">Extra credits</th>
                      <th className="num">Monthly cost</th>
                      <th className="num">Cost per reply</th>
                      <th className="num">Without refunds</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sc.plans.map((p) => (
                      <tr key={p.plan} className={p.plan === sc.cheapestPlan ? 'best' : undefined}>
                        <td>
                          {p.name} {p.plan === sc.cheapestPlan ? <span className="badge ok">cheapest</span> : null}
                          {!p.feasible ? <span className="badge bad">not feasible</span> : null}
                        </td>
                        <td className="num">{money(p.priceUsd)}</td>
                        <td className="num">{p.extraCredits}</td>
                        <td className="num">{money(p.monthlyCostUsd)}</td>
                        <td className="num">{money(p.costPerReplyUsd)}</td>
                        <td className="num">{money(p.costPerReplyWithoutRefundsUsd)}</td>
                      </tr>
                    ))}
                    <tr>
                      <td>Connection requests</td>
                      <td className="num">free</td>
                      <td className="num">–</td>
                      <td className="num">$0</td>
                      <td className="num">$0</td>
                      <td className="muted small">{sc.connectionRequests.note}</td>
                    </tr>
                  </tbody>
                </table>
              </div>
            </div>
          ))
        : null}
    </Section>
  );
}

function AddSeat({ plans, onAdded }: { plans: PlanRow[]; onAdded: () => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [plan, setPlan] = useState('recruiter-lite');
  const [contractId, setContractId] = useState('');
  const pooled = plans.find((p) => p.id === plan)?.pooled ?? false;
  const [error, setError] = useState<string | null>(null);
  const permit = usePermit('POST /api/seats');
  if (!open || !permit.allowed)
    return (
      <p>
        <button type="button" className="small" disabled={!permit.allowed} title={permit.reason ?? undefined} onClick={() => setOpen(true)}>
          + Add seat
        </button>
        {!permit.allowed ? <span className="muted small"> Seats are added by admins.</span> : null}
      </p>
    );
  const submit = async () => {
    setError(null);
    try {
      await call(client.api.seats.$post({ json: { name, plan: plan || null, contractId: pooled && contractId.trim() ? contractId.trim() : null } }));
      setOpen(false);
      setName('');
      setContractId('');
      onAdded();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <ActionForm className="card field-row" label="Add seat" onSubmit={submit}>
      <div className="field grow">
        <label htmlFor="seat-name">Recruiter name</label>
        <input id="seat-name" type="text" value={name} onChange={(e) => setName(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor="seat-plan">Plan</label>
        <select id="seat-plan" value={plan} onChange={(e) => setPlan(e.target.value)}>
          <option value="">no paid plan</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.monthlyAllocation}/month, ${p.priceUsd})
            </option>
          ))}
        </select>
      </div>
      {pooled ? (
        <div className="field">
          <label htmlFor="seat-contract">Contract</label>
          <input id="seat-contract" type="text" value={contractId} onChange={(e) => setContractId(e.target.value)} placeholder="e.g. acme-2026" aria-describedby="seat-contract-hint" />
          <span id="seat-contract-hint" className="muted small">
            Seats with the same contract share credits.
          </span>
        </div>
      ) : null}
      <div className="field">
        <button type="submit" className="primary" disabled={!name.trim()}>
          Add
        </button>
      </div>
      <div className="field">
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      <Notice message={error} />
    </ActionForm>
  );
}
