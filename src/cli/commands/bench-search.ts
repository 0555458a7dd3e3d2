import type { Command } from 'commander';

/** Benchmark subcommand (filled in by the domain's work). */
export function registerBenchSearch(_bench: Command): void {}
