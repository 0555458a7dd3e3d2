import { basename } from 'node:path';

/**
 * Where candidates' data came from (GDPR art. 14: the source of personal
 * data not obtained from the person). One record per import run or API
 * call; each candidate links to every one that wrote, merged or re-sent them.
 */
export const dataSourceKinds = ['import', 'api', 'demo'] as const;
export type DataSourceKind = (typeof dataSourceKinds)[number];

export interface DataSourceInput {
  kind: DataSourceKind;
  /** csv | jsonresume | json */
  format: string;
  /** how it arrived: cli | api */
  via: 'cli' | 'api';
  /** the `source` label put on new candidates */
  label: string;
  /** the file's base name, when the records came from a file */
  fileName?: string | null;
  /** who ran it: a member's account email, or the local CLI user */
  actor: string;
}

export interface DataSource extends Required<DataSourceInput> {
  id: number;
  createdAt: string;
}

/** A candidate's link to a source, as the candidate page and the export show it. */
export interface CandidateSourceRecord {
  source: DataSource;
  /** what it did to the candidate */
  outcome: 'imported' | 'updated' | 'unchanged';
  at: string;
}

/** The base name of an imported file, never its folders (they name the operator's machine); null for stdin. */
export function importFileName(path: string | null | undefined): string | null {
  if (!path || path === '-') return null;
  const name = basename(path).slice(0, 200);
  return name || null;
}

/** How a source reads in a sentence: "CSV import of people.csv via the CLI by local cli (ana), 2026-03-01". */
export function describeSource(s: Pick<DataSource, 'kind' | 'format' | 'via' | 'fileName' | 'actor' | 'createdAt' | 'label'>): string {
  const what = s.kind === 'demo' ? 'demo data' : s.kind === 'api' ? 'API call' : `${s.format === 'csv' ? 'CSV' : s.format === 'jsonresume' ? 'JSON Resume' : s.format} import`;
  const file = s.fileName ? ` of ${s.fileName}` : '';
  const via = s.via === 'cli' ? 'the CLI' : 'the API';
  return `${what}${file} via ${via} by ${s.actor}, ${s.createdAt.slice(0, 10)}`;
}

/** The generated demo profiles (`scoutline demo-data`, the demo workspace of `npm start`). */
export const demoProvenance: DataSourceInput = { kind: 'demo', format: 'jsonresume', via: 'cli', label: 'demo', fileName: null, actor: 'system (demo data)' };
