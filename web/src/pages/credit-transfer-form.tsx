import { useState } from 'react';
import { call, client, type Answer } from '../api-client.ts';
import { useAction } from '../use-action.ts';
import { ActionForm, Notice } from '../form-parts.tsx';
import { usePermit } from '../session.tsx';

/** What a seat needs for moving credits: a row of `GET /api/seats`, or any part of one with these fields. */
export type PooledSeat = Pick<Answer<Awaited<ReturnType<typeof client.api.seats.$get>>>['seats'][number], 'id' | 'name' | 'plan' | 'contractId' | 'balance'>;

/** The other seats credits can move to from `from`: same pooled plan's contract (spec section 1). */
export function transferTargets(from: PooledSeat, seats: PooledSeat[], pooledPlans: ReadonlySet<string>): PooledSeat[] {
  if (!from.contractId || !from.plan || !pooledPlans.has(from.plan)) return [];
  return seats.filter((s) => s.id !== from.id && s.contractId === from.contractId && s.plan !== null && pooledPlans.has(s.plan));
}

/**
 * Moving InMail credits from this seat to another seat of the same pooled
 * contract (admins only). The server keeps the moved credits' expiry dates
 * and records the move on both ledgers with the admin as author.
 */
export function CreditTransferForm({ from, seats, pooledPlans, onMoved }: { from: PooledSeat; seats: PooledSeat[]; pooledPlans: ReadonlySet<string>; onMoved: () => void }) {
  const permit = usePermit('POST /api/credits/transfers');
  const targets = transferTargets(from, seats, pooledPlans);
  const [to, setTo] = useState('');
  const [count, setCount] = useState(1);
  const action = useAction();
  if (!from.plan || !pooledPlans.has(from.plan)) return null;
  const target = targets.find((t) => t.id === to) ?? targets[0];
  const submit = () =>
    action.run(async () => {
      if (!target) return '';
      const t = await call(client.api.credits.transfers.$post({ json: { fromSeat: from.id, toSeat: target.id, count } }));
      const expiries = [...new Set(t.lots.map((l) => l.expires))].join(', ');
      onMoved();
      return `Moved ${t.count} credits to ${target.name} (they keep their expiry: ${expiries}). ${from.name} has ${t.balances.from}, ${target.name} has ${t.balances.to}.`;
    });
  return (
    <ActionForm className="card field-row" label="Move credits" onSubmit={submit}>
      <div className="field grow">
        <strong>Move credits</strong>
        <span className="muted small">
          {targets.length === 0
            ? `No other seat shares contract ${from.contractId ?? '(none set)'}: pooled credits move only within one contract.`
            : `Within contract ${from.contractId}: moved credits keep their expiry dates.`}
        </span>
        {!permit.allowed ? <span className="muted small">{permit.reason}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="transfer-to">To seat</label>
        <select id="transfer-to" value={target?.id ?? ''} onChange={(e) => setTo(e.target.value)} disabled={!permit.allowed || targets.length === 0}>
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.balance} credits)
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="transfer-count">Credits</label>
        <input id="transfer-count" type="number" min={1} max={Math.max(from.balance, 1)} value={count} onChange={(e) => setCount(Math.floor(Number(e.target.value)))} disabled={!permit.allowed || targets.length === 0} />
      </div>
      <div className="field">
        <button type="submit" className="primary" disabled={action.busy || !permit.allowed || !target || !(count >= 1)} title={permit.reason ?? undefined}>
          Move
        </button>
      </div>
      <Notice message={action.error} />
      <Notice message={action.notice} tone="ok" />
    </ActionForm>
  );
}
