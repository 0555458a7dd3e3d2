import type { ReactNode } from 'react';

/** Small form pieces every page repeated: a message banner, a form that runs an action, a labelled number input. */
export function Notice({ message, tone = 'error' }: { message: ReactNode | null | undefined; tone?: 'error' | 'ok' | 'warn' | 'info' }) {
  if (message === null || message === undefined || message === '' || message === false) return null;
  return (
    <div className={`banner ${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {message}
    </div>
  );
}

/** A form whose Enter or submit button runs `onSubmit` (never a page load); laid out as one row of fields unless `className` says otherwise. */
export function ActionForm({ onSubmit, children, label, labelledBy, className = 'field-row' }: { onSubmit: () => void | Promise<void>; children: ReactNode; label?: string; labelledBy?: string; className?: string }) {
  return (
    <form
      className={className}
      aria-label={label}
      aria-labelledby={labelledBy}
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
