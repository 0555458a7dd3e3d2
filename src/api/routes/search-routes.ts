import type { ScoutlineApp } from '../app-env.ts';
import type { ConnectionDegree } from '../../search/search-filters.ts';
import { runSearch } from '../../search-request/run-search.ts';
import { getSearchFieldsRoute, searchRoute } from '../../api-contract/search-contract.ts';
import { searchFields } from '../../search/search-fields.ts';

export function registerSearchRoutes(app: ScoutlineApp): void {
  app.openapi(
    searchRoute,
    async (c) => {
      const started = performance.now();
      const { filters, ...body } = c.req.valid('json');
      const request = { ...body, ...(filters ? { filters: { ...filters, degree: filters.degree as ConnectionDegree[] | undefined } } : {}) };
      const found = await runSearch(c.get('store'), c.get('workspaceId'), request);
      const tookMs = Math.round((performance.now() - started) * 10) / 10;
      return c.json({ total: found.total, results: found.results, nextCursor: found.kind === 'match' ? found.nextCursor : null, tookMs }, 200);
    },
  );

  app.openapi(getSearchFieldsRoute, (c) => c.json({ fields: searchFields.map(({ name, description }) => ({ name, description })) }, 200));
}
