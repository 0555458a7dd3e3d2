import { sql, type RawBuilder } from 'kysely';
import type { MixedNode } from './mixed-query.ts';
import type { FlagNode, QueryNode } from './query-ast.ts';

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

/**
 * A query of text parts and flag filters as one SQL condition on `c`: the
 * flags as above, each text part as the backend's own condition.
 */
export function mixedConditionSql(node: MixedNode, textSql: (query: QueryNode) => RawBuilder<unknown>): RawBuilder<unknown> {
  switch (node.kind) {
    case 'text':
      return textSql(node.query);
    case 'flag':
      return flagConditionSql(node);
    case 'not':
      return sql`NOT (${mixedConditionSql(node.child, textSql)})`;
    case 'and':
    case 'or':
      return sql`(${sql.join(
        node.children.map((c) => sql`(${mixedConditionSql(c, textSql)})`),
        sql.raw(node.kind === 'and' ? ' AND ' : ' OR '),
      )})`;
  }
}
