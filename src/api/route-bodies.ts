/**
 * What each route takes as its body, read from the routes' own OpenAPI
 * definitions (so a route added later is covered without a list to keep):
 * the declared media types, whether the body is required, and whether it is
 * one JSON document validated by a zod schema (then the request-body
 * middleware parses and checks it before the route sees it) or something the
 * route reads itself (the streamed import, CSV).
 */
export interface RouteBody {
  mediaTypes: string[];
  required: boolean;
  /** a JSON media type whose schema is zod: parsed and checked at the boundary */
  json: boolean;
}

/** The shape of an entry of OpenAPIHono's registry that we read (structural: the registry's own types are wider). */
interface RegistryDefinition {
  type: string;
  route?: { method: string; path: string; request?: { body?: { required?: boolean; content?: object } } };
}

export const isJsonMediaType = (mediaType: string) => /^application\/([a-z-.]+\+)?json/i.test(mediaType);
const isZodSchema = (schema: unknown) => typeof schema === 'object' && schema !== null && typeof (schema as { safeParse?: unknown }).safeParse === 'function';

/** 'POST /api/candidates' -> its body, for every route that declares one. */
export function routeBodiesOf(definitions: readonly RegistryDefinition[]): Map<string, RouteBody> {
  const table = new Map<string, RouteBody>();
  for (const d of definitions) {
    if (d.type !== 'route' || !d.route) continue;
    const content = d.route.request?.body?.content;
    if (!content) continue;
    const mediaTypes = Object.keys(content).map((m) => m.toLowerCase());
    const json = Object.entries(content).some(([m, c]) => isJsonMediaType(m) && isZodSchema((c as { schema?: unknown } | undefined)?.schema));
    table.set(`${d.route.method.toUpperCase()} ${d.route.path}`, { mediaTypes, required: d.route.request?.body?.required === true, json });
  }
  return table;
}
