import { parse } from 'csv-parse/sync';
import { outcomeInputSchema, type ParsedOutcome } from './outcome-input.ts';

/**
 * Outcomes from a CSV file (`scoutline outcomes import FILE.csv`, POST
 * /api/outcomes/import). The first line names the columns, in any order and
 * case, with `_`, `-` or spaces: outcome_id, candidate_id, profile_url, email,
 * campaign_id, kind, reply_kind, channel, at. Unknown columns are ignored.
 * (`id` alone is the candidate's id, as before; the outcome's is `outcome_id`.)
 * Pure: every row becomes an outcome or an error naming its line.
 */
export interface CsvOutcomeRow {
  /** 1-based line of the row in the file (the header is line 1) */
  line: number;
  outcome: ParsedOutcome;
}

export interface CsvOutcomeError {
  line: number;
  message: string;
}

export interface CsvOutcomes {
  rows: CsvOutcomeRow[];
  errors: CsvOutcomeError[];
}

const columnNames: Record<string, keyof ParsedOutcome> = {
  outcomeid: 'id',
  eventid: 'id',
  candidateid: 'candidateId',
  candidate: 'candidateId',
  id: 'candidateId',
  profileurl: 'profileUrl',
  linkedin: 'profileUrl',
  linkedinurl: 'profileUrl',
  email: 'email',
  campaignid: 'campaignId',
  campaign: 'campaignId',
  kind: 'kind',
  outcome: 'kind',
  replykind: 'replyKind',
  channel: 'channel',
  at: 'at',
  date: 'at',
  time: 'at',
};

export function outcomeColumn(header: string): keyof ParsedOutcome | null {
  return columnNames[header.trim().toLowerCase().replace(/[\s_-]+/g, '')] ?? null;
}

export function parseOutcomeCsv(text: string): CsvOutcomes {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    return { rows: [], errors: [{ line: (err as { lines?: number }).lines ?? 1, message: `not a readable CSV file: ${(err as Error).message}` }] };
  }
  if (records.length === 0) return { rows: [], errors: [{ line: 1, message: 'the file is empty: expected a header line' }] };
  const columns = records[0].map(outcomeColumn);
  if (!columns.includes('kind')) return { rows: [], errors: [{ line: 1, message: 'the header has no "kind" column' }] };
  if (!columns.some((c) => c === 'candidateId' || c === 'profileUrl' || c === 'email')) {
    return { rows: [], errors: [{ line: 1, message: 'the header needs a candidate_id, profile_url or email column' }] };
  }
  const out: CsvOutcomes = { rows: [], errors: [] };
  // csv-parse with skip_empty_lines loses physical line numbers for quoted multi-line cells; rows are numbered as records + 1
  for (let i = 1; i < records.length; i += 1) {
    const raw: Record<string, string> = {};
    columns.forEach((c, j) => {
      if (c && records[i][j] !== undefined) raw[c] = records[i][j];
    });
    const parsed = outcomeInputSchema.safeParse(raw);
    if (parsed.success) out.rows.push({ line: i + 1, outcome: parsed.data });
    else out.errors.push({ line: i + 1, message: parsed.error.issues.map((x) => `${x.path.join('.') || 'row'}: ${x.message}`).join('; ') });
  }
  return out;
}
