import type { Kysely } from 'kysely';
import type { CandidateTables } from '../candidates/candidate-tables.ts';
import type { SearchTables } from '../search/search-tables.ts';
import type { CreditTables } from '../credits/credit-tables.ts';
import type { RankingTables } from '../ranking/ranking-tables.ts';
import type { MessageTables } from '../messages/message-tables.ts';
import type { OutreachTables } from '../outreach/outreach-tables.ts';
import type { CandidateNoteTables } from '../candidates/candidate-notes-tables.ts';
import type { AccessTables } from '../access/access-tables.ts';
import type { PrivacyTables } from '../privacy/privacy-tables.ts';
import type { SeatTables } from '../seats/seat-tables.ts';

/** The whole database as Kysely sees it: each domain contributes its own tables. */
export interface Database extends CandidateTables, SearchTables, CreditTables, RankingTables, MessageTables, OutreachTables, CandidateNoteTables, AccessTables, PrivacyTables, SeatTables {}

export type Dialect = 'sqlite' | 'postgres';

/**
 * A handle to run queries on: the database, or a transaction inside it (a
 * Kysely Transaction is a Kysely). Store functions that may run inside a
 * caller's transaction take a Db.
 */
export type Db = Kysely<Database>;
