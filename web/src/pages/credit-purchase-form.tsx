import { useState } from 'react';
import { call, client } from '../api-client.ts';
import { useAction } from '../use-action.ts';
import { ActionForm, Notice } from '../form-parts.tsx';
import { usePermit } from '../session.tsx';

/**
 * Recording extra InMail credits bought for this seat. LinkedIn sells them
 * outside Scoutline; recording the purchase keeps the ledger exact (the cap
 * per month and the one-year expiry are the server's rules, spec section 2).
 */
export function CreditPurchaseForm({ seatId, thisMonth, cap, onRecorded }: { seatId: string; thisMonth: number; cap: number | null; onRecorded: () => void }) {
  const permit = usePermit('POST /api/seats/{seatId}/credits/events');
  const [count, setCount] = useState(10);
  const action = useAction();
  const submit = () =>
    action.run(async () => {
      const r = await call(client.api.seats[':seatId'].credits.events.$post({ param: { seatId: encodeURIComponent(seatId) }, json: { type: 'purchase', count } }));
      onRecorded();
      return `Recorded ${count} bought credits; the balance is ${r.balance}.`;
    });
  return (
    <ActionForm className="card field-row" label="Record a purchase" onSubmit={submit}>
      <div className="field grow">
        <strong>Record bought credits</strong>
        <span className="muted small">
          {thisMonth} bought this month{cap !== null ? ` of at most ${cap}` : ''}. Buy them on LinkedIn, then record them here.
        </span>
        {!permit.allowed ? <span className="muted small">{permit.reason}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="purchase-count">Credits</label>
        <input id="purchase-count" type="number" min={1} value={count} onChange={(e) => setCount(Math.floor(Number(e.target.value)))} disabled={!permit.allowed} />
      </div>
      <div className="field">
        <button type="submit" disabled={action.busy || !permit.allowed || !(count >= 1)} title={permit.reason ?? undefined}>
          Record purchase
        </button>
      </div>
      <Notice message={action.error} />
      <Notice message={action.notice} tone="ok" />
    </ActionForm>
  );
}
