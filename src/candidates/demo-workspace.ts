import type { Store } from '../db/open-database.ts';

/**
 * Loads the demo workspace on first start: demo candidates, seats, a role and
 * a campaign so a new user can try everything at once (grown by each domain).
 */
export async function loadDemoWorkspace(_store: Store, _workspaceId: string, _opts: { count: number }): Promise<void> {}
