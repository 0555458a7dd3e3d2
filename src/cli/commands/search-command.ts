import type { Command } from 'commander';

/** Commands for this domain (filled in by the domain's work). */
export function registerSearchCommands(_program: Command): void {}
