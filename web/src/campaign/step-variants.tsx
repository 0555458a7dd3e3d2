import { call, client } from '../api-client.ts';
import { useApi } from '../use-api.ts';
import type { SequenceChannel, StepVariant } from '../outreach-api.ts';

/** The default template each message channel starts from (docs/outreach.md, "Template variants"). */
const defaultTemplateName: Partial<Record<SequenceChannel, string>> = { connection_request: 'connection-note', message: 'follow-up', inmail: 'inmail', email: 'email' };

/**
 * A/B template variants of one message step: "Add a B variant" keeps the
 * default template as A and starts B from the default's source, to edit. The
 * server checks every variant when the sequence is saved (parse, lint,
 * length per seat plan) and names the step and variant it refuses.
 */
export function StepVariants(props: { stepIndex: number; channel: SequenceChannel; variants: StepVariant[]; readOnly?: boolean; onChange: (variants: StepVariant[]) => void }) {
  const { stepIndex: i, channel, variants, readOnly, onChange } = props;
  const templates = useApi((signal) => call(client.api.messages.templates.$get(undefined, { init: { signal } })), []);
  const base = defaultTemplateName[channel];
  if (!base) return null;
  const sourceOf = (name: string) => templates.data?.templates.find((t) => t.name === name)?.source ?? name;
  const nextKey = () => {
    for (const k of 'ABCDEFGHIJ') if (!variants.some((v) => v.key.toUpperCase() === k)) return k;
    return `V${variants.length + 1}`;
  };
  const set = (vi: number, patch: Partial<StepVariant>) => onChange(variants.map((v, j) => (j === vi ? { ...v, ...patch } : v)));
  if (variants.length === 0) {
    return readOnly ? null : (
      <div className="step-variants">
        <button type="button" className="small" onClick={() => onChange([{ key: 'A', template: base, weight: 1 }, { key: 'B', template: sourceOf(base), weight: 1 }])}>
          + Add a B variant (A/B test)
        </button>
      </div>
    );
  }
  return (
    <fieldset className="step-variants">
      <legend className="small">Template variants of step {i + 1} (each candidate gets one; analytics compare them)</legend>
      {variants.map((v, vi) => (
        <div key={vi} className="variant">
          <div className="field-row">
            <div className="field">
              <label htmlFor={`st-${i}-var-${vi}-key`}>Variant</label>
              <input id={`st-${i}-var-${vi}-key`} type="text" size={6} value={v.key} disabled={readOnly} onChange={(e) => set(vi, { key: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`st-${i}-var-${vi}-weight`}>Weight</label>
              <input id={`st-${i}-var-${vi}-weight`} type="number" className="narrow" min={1} max={1000} value={v.weight} disabled={readOnly} onChange={(e) => set(vi, { weight: Math.max(1, Number(e.target.value)) })} />
            </div>
            {!readOnly ? (
              <div className="field">
                <button type="button" className="small danger" aria-label={`Remove variant ${v.key} of step ${i + 1}`} onClick={() => onChange(variants.filter((_, j) => j !== vi))}>
                  Remove
                </button>
              </div>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={`st-${i}-var-${vi}-template`}>Template (a default template name, or Liquid source: docs/messages.md)</label>
            <textarea id={`st-${i}-var-${vi}-template`} rows={v.template.includes('\n') ? 6 : 1} value={v.template} disabled={readOnly} onChange={(e) => set(vi, { template: e.target.value })} />
          </div>
        </div>
      ))}
      {!readOnly && variants.length < 10 ? (
        <button type="button" className="small" onClick={() => onChange([...variants, { key: nextKey(), template: sourceOf(base), weight: 1 }])}>
          + Add variant
        </button>
      ) : null}
    </fieldset>
  );
}
