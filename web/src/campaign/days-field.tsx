import { useEffect, useState } from 'react';
import { parseDayCount } from './day-count.ts';

/**
 * A number-of-days input that keeps what was typed: a value that is not a
 * whole number in range is shown as refused next to the field (and reported
 * to the editor, which will not save), never silently changed.
 */
export function DaysField(props: {
  id: string;
  value: number | null;
  onValue: (days: number | null) => void;
  /** the field's refusal, or null when it holds a valid value */
  onProblem: (message: string | null) => void;
  blank?: boolean;
  min?: number;
  disabled?: boolean;
  className?: string;
  label?: string;
  placeholder?: string;
}) {
  const [text, setText] = useState(props.value === null ? '' : String(props.value));
  const [problem, setProblem] = useState<string | null>(null);
  const errId = `${props.id}-error`;
  const { value, onProblem, blank, min } = props;
  // a value set from outside (reset to the default framework, a step moved) replaces what was typed
  useEffect(() => {
    setText((t) => {
      const r = parseDayCount(t, { blank, min });
      if (r.ok && r.value === value) return t;
      setProblem(null);
      onProblem(null);
      return value === null ? '' : String(value);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <>
      <input
        id={props.id}
        type="number"
        min={props.min ?? 0}
        max={365}
        step={1}
        value={text}
        placeholder={props.placeholder}
        aria-label={props.label}
        aria-invalid={problem !== null}
        aria-describedby={problem ? errId : undefined}
        disabled={props.disabled}
        className={props.className}
        onChange={(e) => {
          setText(e.target.value);
          const r = parseDayCount(e.target.value, { blank: props.blank, min: props.min });
          setProblem(r.ok ? null : r.message);
          props.onProblem(r.ok ? null : r.message);
          if (r.ok) props.onValue(r.value);
        }}
      />
      {problem ? (
        <span id={errId} className="field-error" role="alert">
          {problem}
        </span>
      ) : null}
    </>
  );
}
