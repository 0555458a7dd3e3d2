import type { Store } from '../db/open-database.ts';
import { addSeat, listSeats } from '../seats/seat-store.ts';
import type { Seat, SeatInput } from '../seats/seat.ts';
import { generateDemoCandidates } from '../candidates/demo-data.ts';
import { ensureDemoCampaign } from './demo-campaign.ts';
import { importCandidates, type ImportSummary } from '../candidates/import-candidates.ts';
import type { ImportRecord } from '../candidates/import-record.ts';
import { demoProvenance } from '../privacy/data-source.ts';

export interface DemoWorkspaceOptions {
  /** how many demo candidates */
  count: number;
  /** demo data seed (default 1) */
  seed?: number;
  /** 'YYYY-MM-DD' the demo careers and activity are measured from (default: today, so the demo looks current) */
  asOf?: string;
}

export interface DemoWorkspace {
  candidates: ImportSummary;
  seats: Seat[];
}

/** The two demo recruiters: one paid Recruiter Lite seat in London, one free LinkedIn account in New York. */
export function demoSeatInputs(workspaceId: string): SeatInput[] {
  const prefix = workspaceId === 'default' ? '' : `${workspaceId}-`;
  return [
    {
      id: `${prefix}demo-london`,
      name: 'Alex Morgan (London, Recruiter Lite)',
      plan: 'recruiter-lite',
      paid: true,
      timeZone: 'Europe/London',
      workingHours: { start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] },
      weeklyInviteCap: 100,
      contractId: null,
      employers: ['Contoso', 'Hooli'],
      schools: ['University of Cambridge'],
      ownerUserId: null,
    },
    {
      id: `${prefix}demo-new-york`,
      name: 'Jordan Lee (New York, free account)',
      plan: null,
      paid: false,
      timeZone: 'America/New_York',
      workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
      weeklyInviteCap: 100,
      contractId: null,
      employers: ['Globex'],
      schools: ['University of Toronto'],
      ownerUserId: null,
    },
  ];
}

/**
 * Loads the demo workspace (on first start with --demo): demo candidates and
 * two seats, so a new user can try everything at once. Safe to call again:
 * candidates merge by profile URL (nothing changes) and existing seats are
 * kept. Later domains add their demo roles and campaigns here.
 */
export async function loadDemoWorkspace(store: Store, workspaceId: string, opts: DemoWorkspaceOptions): Promise<DemoWorkspace> {
  const asOf = opts.asOf ?? new Date().toISOString().slice(0, 10);
  function* records(): Generator<ImportRecord> {
    let line = 0;
    for (const input of generateDemoCandidates(opts.count, opts.seed ?? 1, { asOf })) yield { line: ++line, input };
  }
  const candidates = await importCandidates(store, workspaceId, records(), { normalised: true, provenance: demoProvenance });

  const existing = new Set((await listSeats(store, workspaceId)).map((s) => s.id));
  for (const seat of demoSeatInputs(workspaceId)) if (!existing.has(seat.id!)) await addSeat(store, workspaceId, seat);
  const demoIds = new Set(demoSeatInputs(workspaceId).map((s) => s.id));
  const seats = (await listSeats(store, workspaceId)).filter((s) => demoIds.has(s.id));
  await ensureDemoCampaign(store, workspaceId, seats.map((s) => s.id), { asOf });
  return { candidates, seats };
}
