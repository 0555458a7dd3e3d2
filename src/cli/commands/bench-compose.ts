import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { composeTargetMs, runComposeBenchmark } from '../../messages/compose-benchmark.ts';
import { isMessageStep, messageSteps, type MessageStep } from '../../messages/message-step.ts';
import { action, parseIntOption, printJson } from '../cli-context.ts';

interface BenchComposeOpts {
  profiles: number;
  seed: number;
  rounds: number;
  step: string;
  freeSeat?: boolean;
  json?: boolean;
}

export function registerBenchCompose(bench: Command): void {
  bench
    .command('compose')
    .description(`compose the default message for N demo profiles (hooks, render, auto-fit, lint) and lint the batch; target: 1,000 notes < ${composeTargetMs} ms`)
    .option('--profiles <n>', 'how many demo profiles', parseIntOption('profiles'), 1000)
    .option('--seed <s>', 'demo data seed', parseIntOption('seed'), 1)
    .option('--rounds <n>', 'timed rounds (after one warm-up round)', parseIntOption('rounds'), 5)
    .option('--step <step>', `framework step (${messageSteps.join(', ')})`, 'connection_note')
    .option('--free-seat', 'a free seat (200-character notes, more auto-fit)')
    .option('--json', 'print the figures as JSON')
    .action(
      action(async (opts: BenchComposeOpts) => {
        if (opts.profiles < 1 || opts.profiles > 1_000_000) throw new AppError('invalid_input', '--profiles must be 1-1,000,000');
        if (opts.rounds < 1) throw new AppError('invalid_input', '--rounds must be at least 1');
        if (!isMessageStep(opts.step)) throw new AppError('invalid_input', `--step must be one of ${messageSteps.join(', ')}`);
        const figures = runComposeBenchmark(
          { profiles: opts.profiles, seed: opts.seed, rounds: opts.rounds, step: opts.step as MessageStep, paid: !opts.freeSeat },
          (r) => process.stderr.write(r === 0 ? 'warm-up round done\n' : `round ${r}/${opts.rounds} done\n`),
        );
        if (opts.json) return printJson(figures);
        console.log(`${figures.step}, ${figures.paid ? 'paid' : 'free'} seat, ${figures.profiles} demo profiles, ${figures.rounds} rounds`);
        console.log(`  compose     median ${figures.composeMs.median} ms, worst ${figures.composeMs.max} ms (${figures.perMessageUs} µs a message), CPU ${figures.composeCpuMs} ms`);
        console.log(`  batch lint  median ${figures.batchLintMs} ms (near-duplicates)`);
        console.log(`  result      ${figures.composed} composed, ${figures.failed} failed, ${figures.clean} lint clean`);
        console.log(`  per 1,000   ${figures.per1000Ms} ms wall — target < ${composeTargetMs} ms: ${figures.meetsTarget ? 'met' : 'NOT met'}; CPU ${Math.round((figures.composeCpuMs / figures.profiles) * 1000)} ms: ${figures.meetsTargetCpu ? 'met' : 'NOT met'}`);
        if (!figures.meetsTarget && figures.meetsTargetCpu) console.log('  (wall time is over the target while CPU time is not: the machine is busy; rerun when it is idle)');
      }),
    );
}
