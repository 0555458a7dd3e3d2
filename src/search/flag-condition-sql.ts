import { sql, type RawBuilder } from 'kysely';
import type { FlagNode } from './query-ast.ts';

/**
 * A flag filter as an SQL condition on the candidate row aliased `c` (the
 * same columns on SQLite and PostgreSQL: booleans as 0/1). An unknown degree
 * (NULL) is no degree, so `NOT degree:2` keeps it.
 */
export function flagConditionSql(node: FlagNode): RawBuilder<unknown> {
  switch (node.flag) {
    case 'openProfile':
      return sql`c.open_profile = ${node.value ? 1 : 0}`;
    case 'openToWork':
      return sql`c.open_to_work = ${node.value ? 1 : 0}`;
    case 'degree':
      return sql`coalesce(c.degree, 0) = ${node.value}`;
  }
}
