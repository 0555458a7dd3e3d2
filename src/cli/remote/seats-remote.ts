import type { Command } from 'commander';
import { action, printJson } from '../cli-context.ts';
import type { RemoteClient } from './remote-client.ts';

interface SeatRow {
  id: string;
  name: string;
  plan: string | null;
  balance: number;
  contractId: string | null;
}

/** `seats` (`seats list`) against a server: seats with plan and current balance. */
export function registerSeatsRemote(program: Command, client: () => RemoteClient): void {
  const seats = program.command('seats').description('recruiter seats (LinkedIn accounts) on the server and their plans');
  seats
    .command('list', { isDefault: true })
    .description('seats with plan and current balance (the default)')
    .option('--date <YYYY-MM-DD>', 'balances as of this day (default: today, UTC)')
    .option('--json', "print the API's JSON")
    .action(
      action(async (opts: { date?: string; json?: boolean }) => {
        const r = await client().json<{ seats: SeatRow[] }>('GET', '/api/seats', { query: { date: opts.date } });
        if (opts.json) return printJson(r);
        for (const s of r.seats) console.log(`${s.id.padEnd(24)} ${(s.plan ?? '(no plan)').padEnd(22)} balance ${String(s.balance).padStart(4)}  ${s.name}${s.contractId ? `  contract ${s.contractId}` : ''}`);
        if (r.seats.length === 0) console.log('no seats on the server yet');
      }),
    );
}
