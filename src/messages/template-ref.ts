import { defaultTemplateSources, isDefaultTemplateName } from './default-templates.ts';
import { parseTemplateSource } from './message-template.ts';
import { compileTemplate, type CompiledTemplate } from './template-engine.ts';

/**
 * How callers name a template: a default's name ('connection-note',
 * 'follow-up', 'inmail', 'email') or an inline source (from a .liquid file,
 * the API, or a stored variant).
 */
export type TemplateRef = string | { name?: string; source: string };

export type TemplateResolution = { ok: true; compiled: CompiledTemplate } | { ok: false; message: string };

/** Compiled templates by name and source; parsing is the expensive part of composing. */
const cache = new Map<string, CompiledTemplate>();
const cacheLimit = 200;

export function resolveTemplate(ref: TemplateRef): TemplateResolution {
  let name: string;
  let source: string;
  if (typeof ref === 'string') {
    if (!isDefaultTemplateName(ref)) {
      return { ok: false, message: `no default template '${ref}' (known: ${Object.keys(defaultTemplateSources).join(', ')}; or give a template source)` };
    }
    name = ref;
    source = defaultTemplateSources[ref];
  } else {
    name = ref.name?.trim() || 'inline';
    source = ref.source;
  }
  const key = `${name}\u0000${source}`;
  const hit = cache.get(key);
  if (hit) return { ok: true, compiled: hit };
  const parsed = parseTemplateSource(source, name);
  if (!parsed.ok) return parsed;
  const compiled = compileTemplate(parsed.template);
  if (!compiled.ok) return compiled;
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value!);
  cache.set(key, compiled.compiled);
  return { ok: true, compiled: compiled.compiled };
}
