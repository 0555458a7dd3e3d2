import { useState } from 'react';
import { ActionForm } from '../form-parts.tsx';
import { call, client, type AnswerOf } from '../api-client.ts';
import { ErrorBanner } from '../components.tsx';
import { Link } from '../router.tsx';
import { RoleNote, usePermit } from '../session.tsx';

type Format = 'auto' | 'jsonresume' | 'csv';

/** What POST /api/import answers. */
type ImportResult = AnswerOf<typeof client.api.import.$post>;
type ImportEncoding = ImportResult['encoding'];

/** Encodings offered for a file that is not read right by itself ('auto': the server detects it). */
export const encodingChoices: ReadonlyArray<[string, string]> = [
  ['auto', 'Detect'],
  ['utf-8', 'UTF-8'],
  ['windows-1252', 'Western European (Windows-1252, Latin-1)'],
  ['windows-1250', 'Central European (Windows-1250)'],
  ['windows-1251', 'Cyrillic (Windows-1251)'],
  ['iso-8859-15', 'Latin-9 (ISO-8859-15)'],
  ['utf-16le', 'UTF-16 (little endian)'],
  ['utf-16be', 'UTF-16 (big endian)'],
];

/** How the result says which encoding the file was read with. */
export function encodingNote(e: ImportEncoding): string {
  if (!e) return '';
  if (!e.detected) return `Read as ${e.name}, as chosen.`;
  if (e.how === 'guessed' || e.how === 'fallback') return `Read as ${e.name}: the file is not UTF-8, so its encoding was guessed. If names look wrong, choose the encoding and import again.`;
  if (e.how === 'mostly-utf-8') return `Read as ${e.name}; some lines are in another encoding and were skipped (listed below).`;
  return `Read as ${e.name} (detected).`;
}

/** Errors listed on the page; the rest are counted (the API returns them all). */
const shownErrors = 100;

/** The format and content type a file is sent with: from the choice, else from its name (else the server sniffs it). */
export function uploadTypeOf(fileName: string, choice: Format): { format: 'jsonresume' | 'csv' | undefined; contentType: string } {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const format = choice !== 'auto' ? choice : ext === 'csv' ? 'csv' : ['json', 'ndjson', 'jsonl'].includes(ext) ? 'jsonresume' : undefined;
  const contentType =
    format === 'csv' ? 'text/csv' : ext === 'ndjson' || ext === 'jsonl' ? 'application/x-ndjson' : format === 'jsonresume' ? 'application/json' : 'application/octet-stream';
  return { format, contentType };
}

/** "Column=field" lines (blank lines ignored), as `--map` takes them. */
export function mapLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

export function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<Format>('auto');
  const [source, setSource] = useState('');
  const [mapping, setMapping] = useState('');
  const [encoding, setEncoding] = useState('auto');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [result, setResult] = useState<{ name: string; summary: ImportResult } | null>(null);
  const permit = usePermit('POST /api/import');

  async function submit() {
    if (!file || busy || !permit.allowed) return;
    setBusy(true);
    setError(undefined);
    setResult(null);
    try {
      const type = uploadTypeOf(file.name, format);
      const map = mapLines(mapping);
      const query = { format: type.format, source: source.trim() || undefined, encoding: encoding === 'auto' ? undefined : encoding, map: map.length ? map : undefined };
      // the file goes as it is, streamed by the server; its content type tells the format
      const summary = await call(client.api.import.$post({ query }, { init: { body: file, headers: { accept: 'application/json', 'content-type': type.contentType } } }));
      setResult({ name: file.name, summary });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <h1>Import</h1>
      <p className="muted">
        Add candidates from a file: JSON Resume (one object, an array, or one per line) or CSV with a header row, such as an export from LinkedIn Recruiter or your ATS.
        People already here are matched by LinkedIn profile URL, then by email, and only gain what they were missing, so importing the same file again changes nothing.
      </p>
      <RoleNote permit={permit} id="import-role-note" />
      <ActionForm className="card" label="Import a file" onSubmit={submit}>
        <fieldset className="plain" disabled={!permit.allowed} aria-describedby={permit.allowed ? undefined : 'import-role-note'}>
        <div className="field-row">
          <div className="field grow">
            <label htmlFor="imp-file">File</label>
            <input
              id="imp-file"
              type="file"
              accept=".csv,.json,.ndjson,.jsonl,text/csv,application/json,application/x-ndjson"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setResult(null);
                setError(undefined);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="imp-format">Format</label>
            <select id="imp-format" value={format} onChange={(e) => setFormat(e.target.value as Format)}>
              <option value="auto">From the file</option>
              <option value="jsonresume">JSON Resume</option>
              <option value="csv">CSV</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="imp-encoding">Encoding</label>
            <select id="imp-encoding" value={encoding} onChange={(e) => setEncoding(e.target.value)}>
              {encodingChoices.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="imp-source">Source label</label>
            <input id="imp-source" type="text" maxLength={100} placeholder="e.g. ats-export" value={source} onChange={(e) => setSource(e.target.value)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="imp-map">CSV columns to map (optional, one per line)</label>
          <textarea id="imp-map" rows={3} placeholder={'Job=currentTitle\nEmployer=currentCompany\nNotes=-'} value={mapping} onChange={(e) => setMapping(e.target.value)} />
          <span className="muted small">Column=field for a column the import does not know, or Column=- to leave one out. Common export columns are mapped already.</span>
        </div>
        <button type="submit" className="primary" disabled={!file || busy} title={permit.reason ?? undefined}>
          {busy ? 'Importing…' : 'Import'}
        </button>
        </fieldset>
      </ActionForm>
      <ErrorBanner error={error} />
      {result ? <ImportOutcome name={result.name} summary={result.summary} /> : null}
    </div>
  );
}

function ImportOutcome({ name, summary }: { name: string; summary: ImportResult }) {
  const stats: Array<[string, number]> = [
    ['New', summary.imported],
    ['Updated', summary.updated],
    ['Unchanged', summary.unchanged],
    ['Skipped', summary.skipped],
  ];
  return (
    <section className="card" aria-label="Import result">
      <div className="banner ok" role="status">
        Imported {name} ({summary.format === 'csv' ? 'CSV' : 'JSON Resume'}): {summary.records} records, {summary.imported} new.
      </div>
      {summary.encoding ? <p className="muted small">{encodingNote(summary.encoding)}</p> : null}
      <div className="stats">
        {stats.map(([label, n]) => (
          <div key={label} className="stat">
            <div className="stat-label">{label}</div>
            <div className="stat-value">{n}</div>
          </div>
        ))}
      </div>
      {summary.ignoredColumns?.length ? (
        <p>
          Columns not imported: {summary.ignoredColumns.join(', ')}. Map one with <code>Column=field</code> above and import again.
        </p>
      ) : null}
      {summary.errors.length ? (
        <div className="table-wrap">
          <table aria-label="Skipped records">
            <thead>
              <tr>
                <th className="num">Line</th>
                <th>Why it was skipped</th>
              </tr>
            </thead>
            <tbody>
              {summary.errors.slice(0, shownErrors).map((e) => (
                <tr key={e.line}>
                  <td className="num">{e.line}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {summary.errors.length > shownErrors ? <p className="muted small">and {summary.errors.length - shownErrors} more</p> : null}
        </div>
      ) : null}
      <p>
        <Link to="/search">Search your candidates</Link>
      </p>
    </section>
  );
}
