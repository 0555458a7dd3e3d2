import { Notice } from '../form-parts.tsx';
import { useState } from 'react';
import { channelName } from '../channel-names.ts';
import { StepVariants } from './step-variants.tsx';
import { DaysField } from './days-field.tsx';
import { anchorLabel, conditionText, sequenceChannels, stepAnchors } from './campaign-labels.ts';
import { outreachApi, type SequenceChannel, type SequenceStep, type StepAnchor, type StepCondition } from '../outreach-api.ts';

const conditionChoices: Array<{ label: string; make: () => StepCondition }> = [
  { label: 'request accepted', make: () => ({ kind: 'accepted' }) },
  { label: 'not accepted after N days', make: () => ({ kind: 'not_accepted_after', days: 6 }) },
  { label: 'no reply yet', make: () => ({ kind: 'not_replied' }) },
  { label: 'priority at least', make: () => ({ kind: 'priority_at_least', value: 70 }) },
  { label: 'email known', make: () => ({ kind: 'has_email' }) },
  { label: 'no email', make: () => ({ kind: 'no_email' }) },
  { label: 'Open Profile', make: () => ({ kind: 'open_profile' }) },
  { label: 'not Open Profile', make: () => ({ kind: 'not_open_profile' }) },
];

/**
 * Edits a campaign's sequence: channel, anchor, delay, window and conditions
 * per step; add, remove, reorder; reset to the default framework (spec 6).
 */
export function SequenceEditor(props: { value: SequenceStep[]; onSave: (steps: SequenceStep[]) => Promise<void>; readOnly?: boolean; readOnlyReason?: string | null }) {
  const { onSave, readOnly } = props;
  const [steps, setSteps] = useState<SequenceStep[]>(props.value);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // fields holding a value that is refused (by field id): the sequence is not saved while any is
  const [problems, setProblems] = useState<Record<string, string>>({});
  const problemFor = (field: string) => (message: string | null) =>
    setProblems((p) => {
      const { [field]: _, ...rest } = p;
      return message === null ? rest : { ...rest, [field]: message };
    });
  const invalid = Object.keys(problems).length > 0;
  const dirty = JSON.stringify(steps) !== JSON.stringify(props.value);

  const update = (i: number, patch: Partial<SequenceStep>) => setSteps((s) => s.map((st, j) => (j === i ? { ...st, ...patch } : st)));
  const move = (i: number, d: -1 | 1) =>
    setSteps((s) => {
      const n = [...s];
      const [x] = n.splice(i, 1);
      n.splice(i + d, 0, x);
      return n;
    });
  const add = () =>
    setSteps((s) => {
      let k = s.length + 1;
      while (s.some((x) => x.key === `step-${k}`)) k++;
      return [...s, { key: `step-${k}`, channel: 'message', anchor: 'previous_action', delayDays: 3, windowDays: null, conditions: [{ kind: 'not_replied' }], variant: null, variants: [] }];
    });

  // the default framework comes from the server, which gives it to a campaign that names no sequence
  const reset = async () => {
    setError(null);
    try {
      setSteps((await outreachApi.defaultSequence()).steps);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const save = async () => {
    if (invalid) return setError('Fix the fields marked in red first: nothing was saved.');
    setSaving(true);
    setError(null);
    try {
      await onSave(steps);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="sequence-editor">
      <ol className="steps">
        {steps.map((st, i) => (
          <li key={i} className="step">
            <div className="step-head">
              <span className="badge info">Step {i + 1}</span>
              <label className="sr-only" htmlFor={`st-key-${i}`}>
                Step {i + 1} name
              </label>
              <input id={`st-key-${i}`} type="text" value={st.key} size={12} disabled={readOnly} onChange={(e) => update(i, { key: e.target.value })} />
              <label className="sr-only" htmlFor={`st-ch-${i}`}>
                Step {i + 1} channel
              </label>
              <select id={`st-ch-${i}`} value={st.channel} disabled={readOnly} onChange={(e) => update(i, { channel: e.target.value as SequenceChannel })}>
                {sequenceChannels.map((c) => (
                  <option key={c} value={c}>
                    {channelName(c)}
                  </option>
                ))}
              </select>
              <span className="spacer" />
              {!readOnly ? (
                <span className="step-tools">
                  <button type="button" className="small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move step ${i + 1} up`}>
                    ↑
                  </button>
                  <button type="button" className="small" disabled={i === steps.length - 1} onClick={() => move(i, 1)} aria-label={`Move step ${i + 1} down`}>
                    ↓
                  </button>
                  <button type="button" className="small danger" disabled={steps.length === 1} onClick={() => setSteps((s) => s.filter((_, j) => j !== i))} aria-label={`Remove step ${i + 1}`}>
                    Remove
                  </button>
                </span>
              ) : null}
            </div>
            <div className="step-when">
              <label htmlFor={`st-delay-${i}`}>Wait</label>
              <DaysField
                id={`st-delay-${i}`}
                value={st.delayDays}
                disabled={readOnly}
                onValue={(d) => update(i, { delayDays: d ?? 0 })}
                onProblem={problemFor(`st-delay-${i}`)}
                className="narrow"
              />
              <span>days</span>
              <label className="sr-only" htmlFor={`st-anchor-${i}`}>
                Step {i + 1} counts from
              </label>
              <select id={`st-anchor-${i}`} value={st.anchor} disabled={readOnly} onChange={(e) => update(i, { anchor: e.target.value as StepAnchor })}>
                {stepAnchors.map((a) => (
                  <option key={a} value={a}>
                    {anchorLabel[a]}
                  </option>
                ))}
              </select>
              <label htmlFor={`st-window-${i}`}>skip if not started within</label>
              <DaysField
                id={`st-window-${i}`}
                blank
                placeholder="–"
                value={st.windowDays}
                disabled={readOnly}
                onValue={(d) => update(i, { windowDays: d })}
                onProblem={problemFor(`st-window-${i}`)}
                className="narrow"
              />
              <span>days</span>
            </div>
            <div className="step-conditions">
              <span className="muted small">Only if:</span>
              {st.conditions.length === 0 ? <span className="muted small">always</span> : null}
              {st.conditions.map((c, ci) => (
                <span key={ci} className="chip">
                  {c.kind === 'not_accepted_after' ? (
                    <>
                      not accepted after{' '}
                      <DaysField
                        id={`st-cond-${i}-${ci}`}
                        className="tiny"
                        label="days"
                        value={c.days}
                        disabled={readOnly}
                        onValue={(d) => update(i, { conditions: st.conditions.map((x, xi) => (xi === ci ? { kind: 'not_accepted_after', days: d ?? 0 } : x)) })}
                        onProblem={problemFor(`st-cond-${i}-${ci}`)}
                      />{' '}
                      days
                    </>
                  ) : c.kind === 'priority_at_least' ? (
                    <>
                      priority ≥{' '}
                      <input
                        type="number"
                        className="tiny"
                        aria-label="minimum priority"
                        min={0}
                        max={100}
                        value={c.value}
                        disabled={readOnly}
                        onChange={(e) => update(i, { conditions: st.conditions.map((x, xi) => (xi === ci ? { kind: 'priority_at_least', value: Number(e.target.value) } : x)) })}
                      />
                    </>
                  ) : (
                    conditionText(c)
                  )}
                  {!readOnly ? (
                    <button type="button" className="chip-x" aria-label={`Remove condition ${conditionText(c)}`} onClick={() => update(i, { conditions: st.conditions.filter((_, xi) => xi !== ci) })}>
                      ×
                    </button>
                  ) : null}
                </span>
              ))}
              {!readOnly ? (
                <select
                  aria-label={`Add a condition to step ${i + 1}`}
                  value=""
                  onChange={(e) => {
                    const choice = conditionChoices[Number(e.target.value)];
                    if (choice) update(i, { conditions: [...st.conditions, choice.make()] });
                  }}
                >
                  <option value="">+ condition</option>
                  {conditionChoices.map((c, ci) => (
                    <option key={c.label} value={ci}>
                      {c.label}
                    </option>
                  ))}
                </select>
              ) : null}
            </div>
            {st.channel !== 'phone' ? (
              <StepVariants stepIndex={i} channel={st.channel} variants={st.variants} readOnly={readOnly} onChange={(variants) => update(i, { variants, variant: null })} />
            ) : null}
          </li>
        ))}
      </ol>
      {!readOnly ? <Notice message={error} /> : null}
      {!readOnly ? (
        <div className="card-actions">
          <button type="button" onClick={add}>
            + Add step
          </button>
          <button type="button" onClick={() => void reset()}>
            Reset to default framework
          </button>
          <span className="spacer" />
          <button type="button" className="primary" disabled={!dirty || saving || invalid} title={invalid ? 'Some fields hold a value that is refused' : undefined} onClick={() => void save()}>
            {saving ? 'Saving…' : 'Save sequence'}
          </button>
        </div>
      ) : (
        <p className="muted small">{props.readOnlyReason ?? 'The sequence can be changed while the campaign is a draft or paused.'}</p>
      )}
    </div>
  );
}
