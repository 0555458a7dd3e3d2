import type { ReactNode } from 'react';

/** Small form pieces every page repeated: a message banner, a one-row form, a labelled number input. */
export function Notice({ message, tone = 'error' }: { message: ReactNode | null | undefined; tone?: 'error' | 'ok' | 'warn' | 'info' }) {
  if (message === null || message === undefined || message === '' || message === false) return null;
  return (
    <div className={`banner ${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {message}
    </div>
  );
}

/** A form laid out as one row of fields; Enter or the submit button runs `onSubmit`. */
export function InlineForm({ onSubmit, children, label }: { onSubmit: () => void | Promise<void>; children: ReactNode; label?: string }) {
  return (
    <form
      className="field-row"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}

export function NumberField(props: { id: string; label: string; value: number; onChange: (v: number) => void; min?: number; max?: number; step?: number }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input id={props.id} type="number" min={props.min} max={props.max} step={props.step} value={props.value} onChange={(e) => props.onChange(Number(e.target.value))} />
    </div>
  );
}
