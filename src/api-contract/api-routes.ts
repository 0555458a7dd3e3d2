import * as account from './account-contract.ts';
import * as analytics from './analytics-contract.ts';
import * as audit from './audit-contract.ts';
import * as backup from './backup-contract.ts';
import * as campaignCandidate from './campaign-candidate-contract.ts';
import * as candidate from './candidate-contract.ts';
import * as credit from './credit-contract.ts';
import * as importing from './import-contract.ts';
import * as member from './member-contract.ts';
import * as message from './message-contract.ts';
import * as outreach from './outreach-contract.ts';
import * as outreachIo from './outreach-io-contract.ts';
import * as privacy from './privacy-contract.ts';
import * as ranking from './ranking-contract.ts';
import * as search from './search-contract.ts';
import * as settings from './settings-contract.ts';
import * as token from './token-contract.ts';

/**
 * Every route of the HTTP API, as defined in this folder. The server
 * implements each (a test compares this list with /openapi.json) and the
 * UI's client type is built from it (api-type.ts).
 */
const contracts = { account, analytics, audit, backup, campaignCandidate, candidate, credit, importing, member, message, outreach, outreachIo, privacy, ranking, search, settings, token };

type Contracts = typeof contracts;
type Exported = { [K in keyof Contracts]: Contracts[K][keyof Contracts[K]] }[keyof Contracts];
type ContractRoute = Extract<Exported, { getRoutingPath(): string }>;

const isRoute = (v: unknown): v is ContractRoute => typeof v === 'object' && v !== null && typeof (v as { getRoutingPath?: unknown }).getRoutingPath === 'function';

export const apiRoutes: readonly ContractRoute[] = Object.values(contracts).flatMap((m) => Object.values(m).filter(isRoute));
