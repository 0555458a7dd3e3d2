import { Notice, ActionForm } from '../form-parts.tsx';
import { useState } from 'react';
import { errorMessage } from '../api-client.ts';
import { Section, day } from '../components.tsx';
import { useApi } from '../use-api.ts';
import { outreachApi, type OutcomeKind, type ReplyKind, type SuppressionReason } from '../outreach-api.ts';
import type { Candidate } from '../candidate-text.ts';
import { RoleNote, usePermit } from '../session.tsx';

const reasonLabel: Record<SuppressionReason, string> = { do_not_contact: 'Do not contact', opted_out: 'Opted out', in_process: 'Already in process' };

/** Suppression and outcomes for one candidate. */
export function CandidateOutreach({ candidate, onChanged }: { candidate: Candidate; onChanged?: () => void }) {
  const sup = useApi((signal) => outreachApi.suppressions(signal), [candidate.id]);
  const campaigns = useApi((signal) => outreachApi.listCampaigns(signal), []);
  const [reason, setReason] = useState<SuppressionReason>('do_not_contact');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [campaignId, setCampaignId] = useState('');
  const canRecord = usePermit('POST /api/outcomes');
  const canSuppress = usePermit('POST /api/suppressions');
  const canLift = usePermit('DELETE /api/suppressions/{id}');
  const mine = (sup.data?.suppressions ?? []).filter(
    (s) => s.candidateId === candidate.id || (s.profileUrl && s.profileUrl === candidate.profileUrl) || (s.email && candidate.emails.includes(s.email)),
  );

  const suppress = async () => {
    setError(null);
    try {
      const r = await outreachApi.suppress({ candidateId: candidate.id, reason, note });
      setNotice(`Suppressed in every campaign${r.stoppedEnrollments.length ? `; ${r.stoppedEnrollments.length} active enrolment(s) stopped` : ''}.`);
      setNote('');
      sup.reload();
      onChanged?.();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const lift = async (id: number) => {
    setError(null);
    try {
      await outreachApi.unsuppress(id);
      setNotice('Suppression removed.');
      sup.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const record = async (kind: OutcomeKind, replyKind?: ReplyKind) => {
    setError(null);
    try {
      await outreachApi.recordOutcome({ candidateId: candidate.id, campaignId: campaignId || undefined, kind, replyKind });
      onChanged?.();
      setNotice(`Recorded: ${kind === 'replied' ? `reply (${replyKind?.replace('_', ' ')})` : kind.replace('_', ' ')}.`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <>
      <Section title="Outcome" id={`outcome-${candidate.id}`}>
        <p className="muted small">Record what happened outside Scoutline. A reply stops the sequence; a reply to an InMail refunds its credit.</p>
        <RoleNote permit={canRecord} />
        <fieldset className="plain" disabled={!canRecord.allowed}>
        <div className="field">
          <label htmlFor="oc-campaign">Campaign</label>
          <select id="oc-campaign" value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
            <option value="">every campaign with this candidate</option>
            {(campaigns.data?.campaigns ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="card-actions">
          <button type="button" className="small" onClick={() => void record('accepted')}>
            Accepted request
          </button>
          <button type="button" className="small ok" onClick={() => void record('replied', 'positive')}>
            Replied: interested
          </button>
          <button type="button" className="small" onClick={() => void record('replied', 'negative')}>
            Replied: not interested
          </button>
          <button type="button" className="small" onClick={() => void record('declined_invitation')}>
            Declined request
          </button>
        </div>
        </fieldset>
      </Section>
      <Section title="Suppression" id={`sup-${candidate.id}`}>
        {mine.length ? (
          <ul className="plain-list">
            {mine.map((s) => (
              <li key={s.id}>
                <span className="badge bad">{reasonLabel[s.reason] ?? s.reason}</span> since {day(s.createdAt)}
                {s.note ? <span className="muted"> · {s.note}</span> : null}{' '}
                <button type="button" className="small" disabled={!canLift.allowed} title={canLift.reason ?? undefined} onClick={() => void lift(s.id)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ) : !canSuppress.allowed ? (
          <RoleNote permit={canSuppress} />
        ) : (
          <ActionForm onSubmit={suppress}>
            <div className="field">
              <label htmlFor="sup-reason">Reason</label>
              <select id="sup-reason" value={reason} onChange={(e) => setReason(e.target.value as SuppressionReason)}>
                {Object.entries(reasonLabel).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </div>
            <div className="field grow">
              <label htmlFor="sup-note">Note</label>
              <input id="sup-note" type="text" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
            </div>
            <div className="field">
              <button type="submit" className="danger">
                Suppress
              </button>
            </div>
          </ActionForm>
        )}
        <Notice message={error} />
        <Notice message={notice} tone="ok" />
      </Section>
    </>
  );
}
