import { Context, Liquid, Output, Tag, toValue, toValueSync, type Emitter, type Template, type TagToken, type TopLevelToken } from 'liquidjs';
import type { MessageTemplate } from './message-template.ts';
import type { HookKind } from './personal-hook.ts';

/**
 * The template engine: LiquidJS with no file system (no include, render or
 * layout), strict filters, own properties only, parse/render/memory limits,
 * plus one block tag of our own:
 *
 *   {% optional priority: 2, name: "school" %} ... {% endoptional %}
 *
 * An optional segment disappears by itself when any `{{ output }}` inside it
 * renders empty (a missing value), and auto-fit drops kept segments lowest
 * priority first (the later one first on a tie) until the message fits.
 * Every `{{ output }}` is instrumented: an empty output outside optional
 * segments is reported (lint `empty_variable`), and hook field reads are
 * attributed to the segment they happen in, so only what is kept counts.
 *
 * Each render also records where every output's value landed in the text,
 * so the lint can tell what the template itself wrote from the values it
 * was given (`templateText`): a profile holding `{{ x }}` is data, and only
 * placeholders the template left unresolved may fail the lint.
 */

export type TemplatePart = 'subject' | 'body';

export interface SegmentDef {
  /** unique within the template: 'body#1', 'subject#1', ... in document order */
  id: string;
  name: string;
  /** lower is dropped first */
  priority: number;
  part: TemplatePart;
  /** document order within the part */
  order: number;
}

export interface CompiledPart {
  templates: Template[];
  segments: SegmentDef[];
}

export interface CompiledTemplate {
  template: MessageTemplate;
  subject: CompiledPart | null;
  body: CompiledPart;
  /** global variable paths the template reads, e.g. ['candidate', 'first_name'] */
  variables: Array<Array<string | number>>;
  /** reads `hook` (the primary hook), so auto-fit may move on to the next hook */
  usesPrimaryHook: boolean;
}

export interface RenderOutcome {
  subject: string | null;
  body: string;
  /** optional segments that rendered non-empty text, in document order */
  kept: SegmentDef[];
  /** optional segments that disappeared because a value inside was empty */
  missing: SegmentDef[];
  /** outputs outside optional segments that rendered empty, as written, e.g. '{{ candidate.city }}' */
  emptyOutputs: string[];
  /** hooks whose fields were read by text that stayed in the message */
  hooksRead: Set<HookKind>;
  /**
   * The same text with every output's value blanked to U+FFFC (`valueMark`):
   * what the template itself wrote. A quoted literal of an output (a
   * `default: "..."` or `append: "..."` argument) that shows in its value
   * stays, as it is the template's text too.
   */
  templateText: { subject: string | null; body: string };
}

/** What an output's value becomes in `templateText`. */
export const valueMark = '\uFFFC';

export type CompileResult = { ok: true; compiled: CompiledTemplate } | { ok: false; message: string };

const forbiddenTags = new Set(['include', 'render', 'layout', 'block', 'echo', 'liquid']);

interface Frame {
  def: SegmentDef;
  missing: boolean;
  hooksRead: Set<HookKind>;
  kept: SegmentDef[];
  missingInside: SegmentDef[];
}

interface RenderState {
  drop: ReadonlySet<string>;
  stack: Frame[];
  kept: SegmentDef[];
  missing: SegmentDef[];
  emptyOutputs: string[];
  hooksRead: Set<HookKind>;
}

/** Where an output's value landed in an emitter's text, and the template literals it shows. */
interface ValueSpan {
  start: number;
  end: number;
  literals: string[];
}

/** liquidjs's SimpleEmitter, plus the spans of the output values written into it. */
class TrackingEmitter implements Emitter {
  buffer = '';
  readonly spans: ValueSpan[] = [];
  write(html: unknown): void {
    this.buffer += stringify(html);
  }
}

/** As liquidjs turns a written value into text (its `stringify`, not exported). */
function stringify(value: unknown): string {
  const v = toValue(value);
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(stringify).join('');
  return String(v);
}

/** The emitter's text with each value blanked, keeping the literals it shows. */
function templateTextOf(emitter: TrackingEmitter): string {
  let out = '';
  let at = 0;
  for (const span of emitter.spans) {
    out += emitter.buffer.slice(at, span.start) + valueMark + span.literals.map((l) => l + valueMark).join('');
    at = span.end;
  }
  return out + emitter.buffer.slice(at);
}

/** The render in progress (rendering is synchronous, so there is at most one). */
let active: RenderState | null = null;

/** Called by hook getters in the template scope. */
export function recordHookRead(kind: HookKind): void {
  if (!active) return;
  const top = active.stack[active.stack.length - 1];
  (top ? top.hooksRead : active.hooksRead).add(kind);
}

class OptionalTag extends Tag {
  readonly templates: Template[] = [];
  readonly priority: number;
  readonly segmentName: string | null;
  def: SegmentDef | null = null;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: { parseToken(t: TopLevelToken, rest: TopLevelToken[]): Template }) {
    super(token, remainTokens, liquid);
    const args = parseOptionalArgs(token.args);
    if (typeof args === 'string') throw new Error(`{% optional %}: ${args}`);
    this.priority = args.priority;
    this.segmentName = args.name;
    while (remainTokens.length) {
      const t = remainTokens.shift()!;
      if ((t as TagToken).name === 'endoptional') return;
      this.templates.push(parser.parseToken(t, remainTokens));
    }
    throw new Error(`tag ${token.getText()} not closed (expected {% endoptional %})`);
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const state = active;
    const def = this.def;
    if (!state || !def) {
      emitter.write((yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string);
      return;
    }
    if (state.drop.has(def.id)) return;
    const frame: Frame = { def, missing: false, hooksRead: new Set(), kept: [], missingInside: [] };
    state.stack.push(frame);
    const inner = new TrackingEmitter();
    let html: string;
    try {
      yield this.liquid.renderer.renderTemplates(this.templates, ctx, inner);
      html = inner.buffer;
    } finally {
      state.stack.pop();
    }
    const parent = state.stack[state.stack.length - 1];
    if (frame.missing) {
      (parent ? parent.missingInside : state.missing).push(def);
      return;
    }
    if (parent) {
      for (const k of frame.hooksRead) parent.hooksRead.add(k);
      if (html.trim()) parent.kept.push(def);
      parent.kept.push(...frame.kept);
      parent.missingInside.push(...frame.missingInside);
    } else {
      for (const k of frame.hooksRead) state.hooksRead.add(k);
      if (html.trim()) state.kept.push(def);
      state.kept.push(...frame.kept);
      state.missing.push(...frame.missingInside);
    }
    if (emitter instanceof TrackingEmitter) {
      const offset = emitter.buffer.length;
      for (const span of inner.spans) emitter.spans.push({ start: span.start + offset, end: span.end + offset, literals: span.literals });
    }
    emitter.write(html);
  }

  *children(): Generator<unknown, Template[], unknown> {
    return this.templates;
  }
}

export function parseOptionalArgs(args: string): { priority: number; name: string | null } | string {
  let priority = 1;
  let name: string | null = null;
  const rest = args.trim();
  if (!rest) return { priority, name };
  for (const part of rest.split(',')) {
    const m = /^\s*(priority|name)\s*:\s*(?:(\d{1,3})|"([^"]*)"|'([^']*)')\s*$/.exec(part);
    if (!m) return `expected 'priority: <number>' and/or 'name: "<text>"', got '${part.trim()}'`;
    if (m[1] === 'priority') {
      if (m[2] === undefined) return 'priority must be a whole number 0-999';
      priority = Number(m[2]);
    } else {
      if (m[2] !== undefined) return 'name must be a quoted text';
      name = m[3] ?? m[4] ?? '';
    }
  }
  return { priority, name };
}

const liquid = new Liquid({
  jsTruthy: true,
  strictFilters: true,
  strictVariables: false,
  ownPropertyOnly: true,
  // an in-memory template map with nothing in it: no file system access at all
  templates: {},
  parseLimit: 100_000,
  renderLimit: 1_000,
  memoryLimit: 10_000_000,
});
liquid.registerTag('optional', OptionalTag as unknown as Parameters<Liquid['registerTag']>[1]);
liquid.registerFilter('first_word', (v: unknown) => String(v ?? '').trim().split(/\s+/)[0] ?? '');
liquid.registerFilter('with_article', (v: unknown) => withArticle(String(v ?? '')));

/** "a Staff Engineer", "an Engineering Manager", "an SRE", "a UX Designer"; empty stays empty. */
export function withArticle(noun: string): string {
  const s = noun.trim();
  if (!s) return '';
  const first = s.split(/\s+/)[0]!;
  const acronym = /^[A-Z0-9]{2,}$/.test(first);
  const an = acronym ? /^[AEFHILMNORSX8]/.test(first) : /^(?:[aeiou]|hour|honest|heir)/i.test(first) && !/^(?:uni|use|usu|eu|one)/i.test(first);
  return `${an ? 'an' : 'a'} ${s}`;
}

export function compileTemplate(template: MessageTemplate): CompileResult {
  try {
    const body = compilePart(template.body, 'body');
    const subject = template.subject === null ? null : compilePart(template.subject, 'subject');
    const variables = [
      ...liquid.globalVariableSegmentsSync(body.templates),
      ...(subject ? liquid.globalVariableSegmentsSync(subject.templates) : []),
    ].map((segments) => segments.map((s) => (Array.isArray(s) ? '[]' : s)));
    return { ok: true, compiled: { template, subject, body, variables, usesPrimaryHook: variables.some((v) => v[0] === 'hook') } };
  } catch (err) {
    return { ok: false, message: `template '${template.name}': ${(err as Error).message}` };
  }
}

function compilePart(source: string, part: TemplatePart): CompiledPart {
  const templates = liquid.parse(source);
  const segments: SegmentDef[] = [];
  instrument(templates, part, segments);
  return { templates, segments };
}

function instrument(templates: Template[], part: TemplatePart, segments: SegmentDef[]): void {
  for (const t of templates) {
    if (t instanceof Output) instrumentOutput(t);
    if (t instanceof Tag && forbiddenTags.has(t.name)) throw new Error(`the {% ${t.name} %} tag is not allowed in message templates`);
    if (t instanceof OptionalTag) {
      const order = segments.length + 1;
      t.def = { id: `${part}#${order}`, name: t.segmentName ?? `${part}#${order}`, priority: t.priority, part, order };
      segments.push(t.def);
    }
    const children = (t as { children?: (partials: boolean, sync: boolean) => Generator<unknown, Template[], unknown> }).children;
    if (typeof children === 'function') instrument(toValueSync(children.call(t, false, true)) as Template[], part, segments);
  }
}

function instrumentOutput(out: Output): void {
  const text = out.token.getText();
  const value = (out as unknown as { value: { value(ctx: Context, lenient: boolean): unknown } }).value;
  // quoted literals of the output ("there" in `| default: "there"`): the template's own text
  const literals = [...text.matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2] ?? '').filter((l) => l.trim() !== '');
  out.render = function* (ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const v = yield toValue(yield value.value(ctx, false));
    if (active && isEmpty(v)) {
      const top = active.stack[active.stack.length - 1];
      if (top) top.missing = true;
      else active.emptyOutputs.push(text);
    }
    const start = emitter.buffer.length;
    emitter.write(v);
    if (emitter instanceof TrackingEmitter) {
      const written = emitter.buffer.slice(start);
      emitter.spans.push({ start, end: emitter.buffer.length, literals: literals.filter((l) => written.includes(l)) });
    }
  };
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === false) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  return false;
}

/** As liquid.renderSync, into an emitter that records where values land. */
function renderPart(templates: Template[], scope: Record<string, unknown>): TrackingEmitter {
  const emitter = new TrackingEmitter();
  const ctx = new Context(scope, liquid.options, { sync: true }, { liquid });
  toValueSync(liquid.renderer.renderTemplates(templates, ctx, emitter));
  return emitter;
}

/** Renders a compiled template with the given optional segments dropped. Throws on a render error (limits, bad filter arguments). */
export function renderTemplate(compiled: CompiledTemplate, scope: Record<string, unknown>, drop: ReadonlySet<string>): RenderOutcome {
  const state: RenderState = { drop, stack: [], kept: [], missing: [], emptyOutputs: [], hooksRead: new Set() };
  const previous = active;
  active = state;
  try {
    const subject = compiled.subject ? renderPart(compiled.subject.templates, scope) : null;
    const body = renderPart(compiled.body.templates, scope);
    return {
      subject: subject?.buffer ?? null,
      body: body.buffer,
      kept: state.kept,
      missing: state.missing,
      emptyOutputs: state.emptyOutputs,
      hooksRead: state.hooksRead,
      templateText: { subject: subject ? templateTextOf(subject) : null, body: templateTextOf(body) },
    };
  } finally {
    active = previous;
  }
}
