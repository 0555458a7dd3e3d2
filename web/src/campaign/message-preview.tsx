import { Notice, ActionForm } from '../form-parts.tsx';
import { useState } from 'react';
import type { InferRequestType } from 'hono/client';
import { call, client, errorMessage, type Answer } from '../api-client.ts';
import { channelName } from '../channel-names.ts';
import { Loading } from '../components.tsx';
import { messageStepFor } from './campaign-labels.ts';
import type { Campaign } from '../outreach-api.ts';

const bulkPreview = client.api.messages.preview.bulk.$post;
/** POST /api/messages/preview/bulk: every candidate's message (or why not), batch lint and a summary. */
type BulkPreview = Answer<Awaited<ReturnType<typeof bulkPreview>>>;
type BulkPreviewRequest = InferRequestType<typeof bulkPreview>['json'];

/** Every message of one step for the campaign's candidates, with lengths against the limit and lint. */
export function MessagePreview({ campaign, candidateIds }: { campaign: Campaign; candidateIds: number[] | null }) {
  const steps = campaign.sequence.filter((s) => messageStepFor(s.channel) !== null);
  const [stepKey, setStepKey] = useState(steps[0]?.key ?? '');
  const [seatId, setSeatId] = useState(campaign.seatIds[0] ?? '');
  const [data, setData] = useState<BulkPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const step = steps.find((s) => s.key === stepKey);

  const run = async () => {
    if (!step) return;
    setBusy(true);
    setError(null);
    try {
      const body: BulkPreviewRequest = { step: messageStepFor(step.channel) ?? undefined, seatId: seatId || undefined, limit: 200 };
      // the same role text the campaign's real messages use
      if (campaign.messageRole) body.role = campaign.messageRole;
      if (candidateIds && candidateIds.length) body.candidateIds = candidateIds.slice(0, 1000);
      else if (campaign.source.kind === 'query') body.query = campaign.source.query;
      else body.candidateIds = campaign.source.ids.slice(0, 1000);
      setData(await call(client.api.messages.preview.bulk.$post({ json: body })));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (steps.length === 0) return <p className="muted">This sequence has no message steps.</p>;
  return (
    <div>
      <ActionForm onSubmit={run}>
        <div className="field">
          <label htmlFor="pv-step">Step</label>
          <select id="pv-step" value={stepKey} onChange={(e) => setStepKey(e.target.value)}>
            {steps.map((s) => (
              <option key={s.key} value={s.key}>
                {s.key} ({channelName(s.channel)})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pv-seat">Sent by</label>
          <select id="pv-seat" value={seatId} onChange={(e) => setSeatId(e.target.value)}>
            {campaign.seatIds.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit" className="primary" disabled={busy}>
            Preview messages
          </button>
        </div>
      </ActionForm>
      {busy ? <Loading label="Composing" /> : null}
      <Notice message={error} />
      {data ? (
        <>
          <p className="preview-summary">
            <strong>{data.summary.composed}</strong> of {data.summary.total} composed
            {data.summary.failed ? <span className="badge bad">{data.summary.failed} failed</span> : null}{' '}
            {data.summary.withLintErrors ? <span className="badge warn">{data.summary.withLintErrors} with lint errors</span> : <span className="badge ok">no lint errors</span>}{' '}
            <span className="muted small">longest {data.summary.maxLength ?? '–'} characters</span>
          </p>
          {data.batchLint.length ? (
            <ul className="lint">
              {data.batchLint.map((l, i) => (
                <li key={i} className={l.severity}>
                  {l.message}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="preview-list" aria-label="Message previews">
            {data.items.map((it, i) => (
              <div key={`${it.candidateId ?? 'x'}-${i}`} className="preview-item">
                <div className="preview-meta">
                  <strong>{it.candidate}</strong>
                  {it.result.ok ? (
                    <>
                      <span className={`length${it.result.length > it.result.limit.body ? ' over' : ''}`}>
                        {it.result.length} / {it.result.limit.body} characters
                      </span>
                      {it.result.variant ? <span className="badge">variant {it.result.variant}</span> : null}
                      {it.result.hooksUsed.length ? <span className="muted small">hooks: {it.result.hooksUsed.join(', ')}</span> : null}
                    </>
                  ) : (
                    <span className="badge bad">{it.result.code}</span>
                  )}
                </div>
                {it.result.ok ? (
                  <>
                    {it.result.subject !== null ? (
                      <div className="small">
                        <span className="muted">Subject:</span> {it.result.subject}{' '}
                        <span className="muted">
                          ({it.result.subjectLength} / {it.result.limit.subject})
                        </span>
                      </div>
                    ) : null}
                    <div className="message">{it.result.body}</div>
                    {it.result.lint.length ? (
                      <ul className="lint">
                        {it.result.lint.map((l, li) => (
                          <li key={li} className={l.severity}>
                            {l.severity}: {l.message}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </>
                ) : (
                  <div className="banner error">{it.result.message}</div>
                )}
              </div>
            ))}
          </div>
        </>
      ) : null}
    </div>
  );
}
