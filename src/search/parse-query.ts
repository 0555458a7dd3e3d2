import { lexQuery, type LexToken } from './lex-query.ts';
import { findProfileFlag, flagSyntaxList, flagValuesText, parseFlagValue, type ProfileFlag } from './profile-flags.ts';
import { andNode, flagNode, notNode, orNode, termNode, type QueryNode } from './query-ast.ts';
import { querySyntaxAppError, type QuerySyntaxError } from './query-syntax-error.ts';
import { findSearchField, searchFieldNames, type SearchField } from './search-fields.ts';
import { tokenize } from './tokenize.ts';

export const maxQueryLength = 4000;
export const maxQueryDepth = 32;

export type ParsedQuery = { ok: true; query: QueryNode } | { ok: false; error: QuerySyntaxError };

/**
 * Recursive-descent parser for the Recruiter Boolean language
 * (spec: shared/spec/boolean-search.md). Grammar, loosest first:
 *
 *   query   := or EOF
 *   or      := and ("OR" and)*
 *   and     := unary (["AND"] unary)*          -- juxtaposition is AND
 *   unary   := ("NOT" | "-" | "+")* primary
 *   primary := word | "phrase" | "(" or ")" | field ":" (word | "phrase" | "(" or ")")
 *                | flag ":" (value | "(" or-of-values ")")
 *
 * A flag (`openProfile:true`, `openToWork:false`, `degree:2`) filters on the
 * profile's LinkedIn flags; in a flag group every word is one of its values.
 *
 * Every refusal is a value with a message and a 1-based column; the parser
 * never throws on any input.
 */
export function parseQuery(query: string): ParsedQuery {
  const length = Array.from(query).length;
  if (length > maxQueryLength) {
    return fail(`the query is ${length} characters long; the limit is ${maxQueryLength}`, maxQueryLength + 1);
  }
  const lexed = lexQuery(query);
  if (!lexed.ok) return lexed;
  try {
    return { ok: true, query: new Parser(lexed.tokens).parseQuery() };
  } catch (err) {
    if (err instanceof ParseFailure) return { ok: false, error: err.error };
    throw err;
  }
}

/** For boundaries (HTTP, CLI): the query or an AppError with code `query_syntax` and details `{ column, query }`. */
export function parseQueryOrThrow(query: string): QueryNode {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw querySyntaxAppError(query, parsed.error);
  return parsed.query;
}

function fail(message: string, column: number): ParsedQuery {
  return { ok: false, error: { message, column } };
}

class ParseFailure extends Error {
  constructor(readonly error: QuerySyntaxError) {
    super(error.message);
  }
}

const operatorText: Record<string, string> = { and: 'AND', or: 'OR', not: 'NOT', plus: '+', minus: '-' };

function startsUnary(t: LexToken | undefined): boolean {
  return t !== undefined && ['word', 'phrase', 'field', 'lparen', 'not', 'plus', 'minus'].includes(t.type);
}

class Parser {
  private pos = 0;
  private depth = 0;
  /** the field of the enclosing `field:( ... )` group, if any */
  private field: { name: SearchField; column: number } | null = null;
  /** the flag of the enclosing `flag:( ... )` group, if any */
  private flag: { name: ProfileFlag; typed: string; column: number } | null = null;

  constructor(private readonly tokens: LexToken[]) {}

  parseQuery(): QueryNode {
    if (this.tokens.length === 0) this.error('the query is empty: type at least one word', 1);
    const node = this.parseOr(null);
    const rest = this.peek();
    if (rest) {
      // parseOr stops only at a closing parenthesis
      this.error('this closing parenthesis has no opening one', rest.column);
    }
    return node;
  }

  private peek(): LexToken | undefined {
    return this.tokens[this.pos];
  }

  private next(): LexToken {
    return this.tokens[this.pos++];
  }

  private error(message: string, column: number): never {
    throw new ParseFailure({ message, column });
  }

  /** `group` is the opening parenthesis when parsing inside one. */
  private parseOr(group: LexToken | null): QueryNode {
    const children = [this.parseAnd(group)];
    while (this.peek()?.type === 'or') {
      const op = this.next();
      if (!startsUnary(this.peek())) this.missingAfter(op);
      children.push(this.parseAnd(group));
    }
    return orNode(children);
  }

  private parseAnd(group: LexToken | null): QueryNode {
    const first = this.peek();
    if (!startsUnary(first)) this.missingOperand(first, group);
    const children = [this.parseUnary()];
    for (;;) {
      const t = this.peek();
      if (t?.type === 'and') {
        this.next();
        if (!startsUnary(this.peek())) this.missingAfter(t);
        children.push(this.parseUnary());
      } else if (startsUnary(t)) {
        children.push(this.parseUnary());
      } else {
        break;
      }
    }
    return andNode(children);
  }

  /** A term was expected at the start of a query or group and `t` came instead. */
  private missingOperand(t: LexToken | undefined, group: LexToken | null): never {
    // the end inside a group ('java AND (') is an unclosed, empty parenthesis, not an empty query
    if (t === undefined && group) this.error('this parenthesis is never closed and has nothing inside: put a term in it and close it', group.column);
    if (t === undefined) this.error('the query is empty: type at least one word', 1);
    if (t.type === 'and' || t.type === 'or') this.error(`${operatorText[t.type]} is missing a term before it`, t.column);
    if (t.type === 'rparen') {
      if (group) this.error('empty group "()": put at least one term inside the parentheses', group.column);
      this.error('this closing parenthesis has no opening one', t.column);
    }
    this.error('expected a term here', t.column);
  }

  private missingAfter(op: LexToken): never {
    const after = this.peek();
    const found = after ? ` (found ${describe(after)})` : '';
    this.error(`${operatorText[op.type] ?? describe(op)} is missing a term after it${found}`, op.column);
  }

  private parseUnary(): QueryNode {
    let negate = false;
    let last: LexToken | undefined;
    while (['not', 'plus', 'minus'].includes(this.peek()?.type ?? '')) {
      last = this.next();
      if (last.type !== 'plus') negate = !negate;
    }
    const t = this.peek();
    if (last && (t === undefined || !['word', 'phrase', 'field', 'lparen'].includes(t.type))) this.missingAfter(last);
    const node = this.parsePrimary();
    return negate ? notNode(node) : node;
  }

  private parsePrimary(): QueryNode {
    const t = this.next();
    switch (t.type) {
      case 'word':
        return this.term(t.text, t.column, false);
      case 'phrase':
        return this.term(t.text, t.column, true);
      case 'lparen':
        return this.parseGroup(t);
      case 'field':
        return this.parseField(t);
      default:
        // unreachable: callers check startsUnary first
        return this.error(`expected a term, found ${describe(t)}`, t.column);
    }
  }

  private parseGroup(open: LexToken): QueryNode {
    this.depth++;
    if (this.depth > maxQueryDepth) this.error(`parentheses are nested deeper than ${maxQueryDepth} levels`, open.column);
    const node = this.parseOr(open);
    const close = this.peek();
    if (close?.type !== 'rparen') this.error('this parenthesis is never closed', open.column);
    this.next();
    this.depth--;
    return node;
  }

  private parseField(t: Extract<LexToken, { type: 'field' }>): QueryNode {
    const flag = findProfileFlag(t.name);
    if (flag) return this.parseFlag(t, flag);
    const field = findSearchField(t.name);
    if (!field) {
      this.error(`unknown field "${t.name}:"; the fields are ${searchFieldNames.map((f) => `${f}:`).join(', ')}; the filters are ${flagSyntaxList}`, t.column);
    }
    this.insideGroupCheck(t);
    const next = this.peek();
    if (next?.type === 'field' && next.column === t.end) {
      this.error(`"${t.name}:" is followed by another field; a field cannot contain another field`, next.column);
    }
    if (!next || next.column !== t.end || !['word', 'phrase', 'lparen'].includes(next.type)) {
      this.error(`"${t.name}:" must be followed directly by a word, a "phrase" or a (group), as in ${field}:java; to exclude, write NOT ${field}:java`, t.column);
    }
    this.field = { name: field, column: t.column };
    try {
      return this.parsePrimary();
    } finally {
      this.field = null;
    }
  }

  private insideGroupCheck(t: Extract<LexToken, { type: 'field' }>): void {
    const outer = this.field ?? this.flag;
    if (outer) {
      this.error(`the field "${t.name}:" is inside the group of "${outer.name}:" at column ${outer.column}; a field group cannot contain another field`, t.column);
    }
  }

  /** `openProfile:true`, `degree:(1 OR 2)`: the value (or a group of values) right after the colon. */
  private parseFlag(t: Extract<LexToken, { type: 'field' }>, flag: ProfileFlag): QueryNode {
    this.insideGroupCheck(t);
    const next = this.peek();
    if (!next || next.column !== t.end || !['word', 'phrase', 'lparen'].includes(next.type)) {
      this.error(`"${t.name}:" must be followed directly by ${flagValuesText(flag)}, as in ${flag}:${flag === 'degree' ? '2' : 'true'}`, t.column);
    }
    this.flag = { name: flag, typed: t.name, column: t.column };
    try {
      return this.parsePrimary();
    } finally {
      this.flag = null;
    }
  }

  private flagValue(text: string, column: number, quoted: boolean): QueryNode {
    const flag = this.flag!;
    const value = quoted ? undefined : parseFlagValue(flag.name, text);
    if (!value) {
      const shown = quoted ? `the phrase "${text}"` : `"${text}"`;
      this.error(`"${flag.typed}:" takes ${flagValuesText(flag.name)}, not ${shown}`, column);
    }
    return flagNode(value);
  }

  /** A word or phrase as typed: `*` handling, then the shared tokenizer. */
  private term(text: string, column: number, quoted: boolean): QueryNode {
    if (this.flag) return this.flagValue(text, column, quoted);
    const chars = Array.from(text);
    // inside quotes the text starts one column after the quote
    const offset = quoted ? column + 1 : column;
    let prefix = false;
    const star = chars.indexOf('*');
    if (star >= 0) {
      if (star !== chars.length - 1) {
        this.error('"*" marks a prefix and can only end a word, as in engineer*', offset + star);
      }
      prefix = true;
      chars.pop();
    }
    const words = tokenize(chars.join(''));
    if (words.length === 0) {
      if (prefix && chars.every((c) => /\s/u.test(c))) this.error('a bare "*" is not a search: put the start of a word before it, as in engineer*', offset + star);
      if (quoted && chars.length === 0) this.error('empty phrase "": put words between the quotes', column);
      const shown = quoted ? `the phrase "${text}"` : `"${text}"`;
      const hint = /^[&|!]+$/.test(text) ? '; use AND, OR, NOT' : '';
      this.error(`${shown} has no letters or digits to search for${hint}`, column);
    }
    return termNode(words, { field: this.field?.name ?? null, prefix });
  }
}

function describe(t: LexToken): string {
  switch (t.type) {
    case 'word':
      return `"${t.text}"`;
    case 'phrase':
      return 'a phrase';
    case 'field':
      return `"${t.name}:"`;
    case 'lparen':
      return '"("';
    case 'rparen':
      return '")"';
    default:
      return operatorText[t.type];
  }
}
