import * as search from './search-contract.ts';

/**
 * Every route of the HTTP API, as defined in this folder. The server
 * implements each (a test compares this list with /openapi.json) and the
 * UI's client type is built from it (api-type.ts).
 */
const contracts = { search };

type Contracts = typeof contracts;
type Exported = { [K in keyof Contracts]: Contracts[K][keyof Contracts[K]] }[keyof Contracts];
type ContractRoute = Extract<Exported, { getRoutingPath(): string }>;

const isRoute = (v: unknown): v is ContractRoute => typeof v === 'object' && v !== null && typeof (v as { getRoutingPath?: unknown }).getRoutingPath === 'function';

export const apiRoutes: readonly ContractRoute[] = Object.values(contracts).flatMap((m) => Object.values(m).filter(isRoute));
