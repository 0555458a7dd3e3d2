import type { ScoutlineApp } from '../app-env.ts';

/** Routes for this domain (filled in by the domain's work). */
export function registerMessageRoutes(_app: ScoutlineApp): void {}
