import { fts5RowForDocument, type Fts5Row } from '../search/fts5-row.ts';
import { searchDocumentFor } from './candidate-search-document.ts';
import { searchFieldNames } from '../search/search-fields.ts';
import type { CandidateInput } from './candidate.ts';
import type { CandidateRowValues } from './candidate-write-ops.ts';
import { candidateColumnNames, candidateColumns, candidateFromColumns, type CandidateColumns } from './candidate-columns.ts';

/**
 * Normalised candidates with their storage values already built: for each
 * candidate its table columns (JSON lists as text) and its FTS5 row texts,
 * flat in one array of strings, numbers and nulls. A worker thread builds
 * them and posts the array (one structured clone of primitives per batch,
 * no object per candidate), so the thread that writes to SQLite only binds
 * values. The FTS5 texts carry the workspace's token: they are only valid
 * for `workspaceId`.
 */
export interface PreparedCandidateBatch {
  workspaceId: string;
  count: number;
  /** per candidate: candidateColumnNames values, then searchFieldNames texts, then the workspace token */
  values: Array<string | number | null>;
}

/** One candidate of a prepared batch. */
export interface PreparedCandidate {
  batch: PreparedCandidateBatch;
  index: number;
}

const columnCount = candidateColumnNames.length;
export const preparedWidth = columnCount + searchFieldNames.length + 1;
const profileUrlAt = candidateColumnNames.indexOf('profile_url');
const emailsAt = candidateColumnNames.indexOf('emails');

export function prepareCandidates(inputs: readonly CandidateInput[], workspaceId: string): PreparedCandidateBatch {
  const values: Array<string | number | null> = new Array(inputs.length * preparedWidth);
  let k = 0;
  for (const input of inputs) {
    const columns = candidateColumns(input) as Record<string, string | number | null>;
    for (let c = 0; c < columnCount; c++) values[k++] = columns[candidateColumnNames[c]];
    const row = fts5RowForDocument(searchDocumentFor(input), workspaceId);
    for (let f = 0; f < searchFieldNames.length; f++) values[k++] = row[searchFieldNames[f]];
    values[k++] = row.ws;
  }
  return { workspaceId, count: inputs.length, values };
}

export function isPreparedCandidate(x: CandidateInput | PreparedCandidate): x is PreparedCandidate {
  return (x as PreparedCandidate).batch !== undefined;
}

export function preparedProfileUrl(p: PreparedCandidate): string | null {
  return p.batch.values[p.index * preparedWidth + profileUrlAt] as string | null;
}

const noEmails: readonly string[] = [];

export function preparedEmails(p: PreparedCandidate): readonly string[] {
  const json = p.batch.values[p.index * preparedWidth + emailsAt] as string;
  return json === '[]' ? noEmails : (JSON.parse(json) as string[]);
}

const at = Object.fromEntries(candidateColumnNames.map((name, i) => [name, i])) as Record<keyof CandidateColumns, number>;

/** The candidates table row of a prepared candidate (an object literal: one shape for every row). */
export function preparedRow(p: PreparedCandidate, workspaceId: string, now: string): CandidateRowValues {
  const v = p.batch.values;
  const b = p.index * preparedWidth;
  return {
    workspace_id: workspaceId,
    name: v[b + at.name] as string,
    first_name: v[b + at.first_name] as string,
    last_name: v[b + at.last_name] as string,
    headline: v[b + at.headline] as string,
    summary: v[b + at.summary] as string,
    city: v[b + at.city] as string,
    region: v[b + at.region] as string,
    country: v[b + at.country] as string,
    time_zone: v[b + at.time_zone] as string,
    profile_url: v[b + at.profile_url] as string | null,
    positions: v[b + at.positions] as string,
    education: v[b + at.education] as string,
    skills: v[b + at.skills] as string,
    emails: v[b + at.emails] as string,
    phones: v[b + at.phones] as string,
    tags: v[b + at.tags] as string,
    open_profile: v[b + at.open_profile] as number,
    open_to_work: v[b + at.open_to_work] as number,
    premium: v[b + at.premium] as number,
    degree: v[b + at.degree] as number | null,
    mutual_connections: v[b + at.mutual_connections] as number,
    last_active: v[b + at.last_active] as string | null,
    source: v[b + at.source] as string,
    imported_at: now,
    updated_at: now,
  };
}

export function preparedColumns(p: PreparedCandidate): CandidateColumns {
  const out: Record<string, string | number | null> = {};
  const base = p.index * preparedWidth;
  for (let c = 0; c < columnCount; c++) out[candidateColumnNames[c]] = p.batch.values[base + c];
  return out as unknown as CandidateColumns;
}

export function preparedFts5Row(p: PreparedCandidate): Fts5Row {
  const base = p.index * preparedWidth + columnCount;
  const row = { ws: p.batch.values[base + searchFieldNames.length] } as Fts5Row;
  for (let f = 0; f < searchFieldNames.length; f++) row[searchFieldNames[f]] = p.batch.values[base + f] as string;
  return row;
}

/** The candidate itself (for a merge, or a store that builds its own index rows). */
export function preparedInput(p: PreparedCandidate): CandidateInput {
  return candidateFromColumns(preparedColumns(p));
}

/** Every candidate of a batch, in order. */
export function preparedCandidatesOf(batch: PreparedCandidateBatch): PreparedCandidate[] {
  return Array.from({ length: batch.count }, (_, index) => ({ batch, index }));
}

/**
 * A prepared batch as posted between threads: the strings concatenated into
 * one (one copy to clone instead of a structured clone of every value, which
 * cost the receiving thread more than building the values), with each
 * value's length, or its kind for a null or a number, in a transferable
 * array, and the numbers in another. Lengths rather than separators: no text
 * has to be scanned for a separator, and any text travels the same way.
 */
export interface PackedCandidateBatch {
  workspaceId: string;
  count: number;
  text: string;
  /** per value: its string length, or nullMark, or numberMark (the next of `numbers`) */
  lengths: Uint32Array;
  numbers: Float64Array;
}

const nullMark = 0xffffffff;
const numberMark = 0xfffffffe;

export function packPreparedBatch(batch: PreparedCandidateBatch): PackedCandidateBatch {
  const { values } = batch;
  const lengths = new Uint32Array(values.length);
  const numbers: number[] = [];
  const strings: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'string') {
      lengths[i] = v.length;
      strings.push(v);
    } else if (v === null) lengths[i] = nullMark;
    else {
      lengths[i] = numberMark;
      numbers.push(v);
    }
  }
  return { workspaceId: batch.workspaceId, count: batch.count, text: strings.join(''), lengths, numbers: Float64Array.from(numbers) };
}

/** The buffers `postMessage` can move instead of copying. */
export function packedTransfers(packed: PackedCandidateBatch): ArrayBuffer[] {
  return [packed.lengths.buffer as ArrayBuffer, packed.numbers.buffer as ArrayBuffer];
}

export function unpackPreparedBatch(packed: PackedCandidateBatch): PreparedCandidateBatch {
  const { text, lengths, numbers } = packed;
  const values: Array<string | number | null> = new Array(lengths.length);
  let at = 0;
  let n = 0;
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i];
    if (len === nullMark) values[i] = null;
    else if (len === numberMark) values[i] = numbers[n++];
    else {
      values[i] = text.slice(at, at + len);
      at += len;
    }
  }
  return { workspaceId: packed.workspaceId, count: packed.count, values };
}
