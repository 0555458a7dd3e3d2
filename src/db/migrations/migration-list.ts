import type { Kysely } from 'kysely';
import type { Dialect } from '../schema.ts';
import * as foundation from './0001-foundation.ts';
import * as search from './0002-search.ts';
import * as credits from './0003-credits.ts';
import * as ranking from './0004-ranking.ts';
import * as messages from './0005-messages.ts';
import * as outreach from './0006-outreach.ts';
import * as searchSpeed from './0008-search-speed.ts';
import * as rankingFacts from './0009-ranking-facts.ts';
import * as outreachDurability from './0010-outreach-durability.ts';
import * as candidateNotes from './0011-candidate-notes.ts';
import * as emailIndexTable from './0012-email-index-table.ts';
import * as accounts from './0013-accounts.ts';
import * as outreachKeys from './0014-outreach-keys.ts';
import * as privacy from './0015-privacy.ts';

export interface ScoutlineMigration {
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

/** Applied in key order; never rename or edit an applied migration, add a new one. */
export const migrations: Record<string, ScoutlineMigration> = {
  '0001-foundation': foundation,
  '0002-search': search,
  '0003-credits': credits,
  '0004-ranking': ranking,
  '0005-messages': messages,
  '0006-outreach': outreach,
  '0008-search-speed': searchSpeed,
  '0009-ranking-facts': rankingFacts,
  '0010-outreach-durability': outreachDurability,
  '0011-candidate-notes': candidateNotes,
  '0012-email-index-table': emailIndexTable,
  '0013-accounts': accounts,
  '0014-outreach-keys': outreachKeys,
  '0015-privacy': privacy,
};
