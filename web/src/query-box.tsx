import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { call, client } from './api-client.ts';
import { applySuggestion, suggestFields, type FieldInfo, type Suggestion } from './query-assist.ts';

let fieldsOnce: Promise<readonly FieldInfo[]> | null = null;

/** The query language's fields, asked of the server once per page load (the server's list is the one truth). */
function useSearchFields(): readonly FieldInfo[] {
  const [fields, setFields] = useState<readonly FieldInfo[]>([]);
  useEffect(() => {
    let live = true;
    fieldsOnce ??= call(client.api.search.fields.$get()).then(
      (r) => r.fields,
      () => {
        fieldsOnce = null; // asked again next time: suggestions are a help, not worth an error banner
        return [];
      },
    );
    void fieldsOnce.then((f) => live && setFields(f));
    return () => {
      live = false;
    };
  }, []);
  return fields;
}

export interface QueryError {
  message: string;
  column: number | null;
}

/**
 * The Boolean query box: Enter runs the search; a word followed by ':' (or
 * the start of a field name) opens field suggestions (arrow keys, Tab/Enter
 * to take one, Escape to close); a syntax error is shown under the box with
 * the query and a caret under the column.
 */
export function QueryBox(props: { value: string; onChange: (v: string) => void; onSubmit: () => void; error: QueryError | null; busy?: boolean }) {
  const { value, onChange, onSubmit, error, busy } = props;
  const inputRef = useRef<HTMLInputElement>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(0);
  const listId = useId();
  const errId = useId();
  const fields = useSearchFields();

  const refresh = (v: string, cursor: number) => {
    setSuggestions(suggestFields(v, cursor, fields));
    setActive(0);
  };

  // Where the caret goes once a taken suggestion is in the input. Set right after React writes the new value
  // (a layout effect), not in a later animation frame: keys typed before that frame landed at the end of the
  // text and the caret then jumped back, so fast typing after Tab scrambled the query.
  const pendingCursor = useRef<number | null>(null);
  useLayoutEffect(() => {
    const cursor = pendingCursor.current;
    if (cursor === null || !inputRef.current) return;
    pendingCursor.current = null;
    inputRef.current.focus();
    inputRef.current.setSelectionRange(cursor, cursor);
  });

  const take = (s: Suggestion) => {
    const next = applySuggestion(value, s);
    pendingCursor.current = next.cursor;
    onChange(next.query);
    setSuggestions([]);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (suggestions.length > 0) {
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        setActive((a) => (a + 1) % suggestions.length);
        return;
      }
      if (e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((a) => (a - 1 + suggestions.length) % suggestions.length);
        return;
      }
      if (e.key === 'Tab' || e.key === 'Enter') {
        e.preventDefault();
        take(suggestions[active]);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setSuggestions([]);
        return;
      }
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      onSubmit();
    }
  };

  return (
    <div className="query-box">
      <label htmlFor={`${listId}-input`} className="label">
        Boolean query
      </label>
      <div className="query-row">
        <div className="query-input-wrap">
          <input
            id={`${listId}-input`}
            ref={inputRef}
            className={`query-input${error ? ' invalid' : ''}`}
            type="text"
            spellCheck={false}
            autoComplete="off"
            placeholder='e.g. title:("data engineer" OR "ml engineer") AND skill:python NOT recruiter'
            value={value}
            role="combobox"
            aria-expanded={suggestions.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={suggestions.length ? `${listId}-${active}` : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errId : undefined}
            onChange={(e) => {
              onChange(e.target.value);
              refresh(e.target.value, e.target.selectionStart ?? e.target.value.length);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setTimeout(() => setSuggestions([]), 150)}
          />
          {suggestions.length > 0 ? (
            <ul id={listId} role="listbox" className="suggestions" aria-label="Field suggestions">
              {suggestions.map((s, i) => (
                <li
                  key={s.field.name}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'active' : undefined}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    take(s);
                  }}
                >
                  <code>{s.field.name}:</code> <span className="muted">{s.field.description}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <button type="button" className="primary" onClick={onSubmit} disabled={busy}>
          {busy ? 'Searching…' : 'Search'}
        </button>
      </div>
      {error ? <QueryErrorView id={errId} query={value} error={error} /> : null}
    </div>
  );
}

function QueryErrorView({ id, query, error }: { id: string; query: string; error: QueryError }) {
  const col = error.column;
  const at = col !== null ? Math.min(Math.max(col - 1, 0), query.length) : null;
  return (
    <div id={id} className="query-error" role="alert">
      <div className="query-error-message">
        {error.message}
        {col !== null ? <span className="muted"> (column {col})</span> : null}
      </div>
      {at !== null ? (
        <pre className="query-echo" aria-hidden="true" data-testid="query-caret">
          {query.slice(0, at)}
          <mark>{query.slice(at, at + 1) || ' '}</mark>
          {query.slice(at + 1)}
          {'\n'}
          {' '.repeat(at)}^
        </pre>
      ) : null}
    </div>
  );
}
