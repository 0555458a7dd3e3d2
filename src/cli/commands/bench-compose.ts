import type { Command } from 'commander';

/** Benchmark subcommand (filled in by the domain's work). */
export function registerBenchCompose(_bench: Command): void {}
