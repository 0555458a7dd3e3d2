import type { Store } from '../../../db/open-database.ts';
import { applyOutcome } from '../../enrollment/apply-outcome-store.ts';
import { ingestOutcomes, type IngestSummary } from './ingest-outcomes-store.ts';
import { parseOutcomeCsv, type CsvOutcomeError } from './outcome-csv.ts';

/** Parses a CSV of outcomes and applies every readable row through applyOutcome (`outcomes import`, POST /api/outcomes/import). */
export async function importOutcomeCsv(store: Store, workspaceId: string, text: string, now?: string): Promise<{ summary: IngestSummary; errors: CsvOutcomeError[] }> {
  const parsed = parseOutcomeCsv(text);
  const summary = await ingestOutcomes(store, workspaceId, parsed.rows.map((r) => ({ ref: r.line, outcome: r.outcome })), 'csv', (s, w, r) => applyOutcome(s, w, r), now);
  return { summary, errors: parsed.errors };
}
