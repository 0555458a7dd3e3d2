import type { OpenInMail } from './ledger-state.ts';

/**
 * The InMails awaiting a reply, as an immutable map that is cheap to change:
 * a shared base map plus a small overlay of additions and removals. `with`
 * and `without` copy only the overlay; once the overlay grows past about
 * the square root of the size it is folded into a new base. So one pure
 * ledger step costs O(sqrt(n)) amortised instead of copying every open
 * InMail. Iteration is always in InMail id order (send order), whatever the
 * layering, so equal contents iterate equally.
 */
export class OpenInMails implements ReadonlyMap<string, OpenInMail> {
  static readonly empty = new OpenInMails(new Map(), new Map(), new Set(), 0);

  private constructor(
    private readonly base: ReadonlyMap<string, OpenInMail>,
    private readonly added: ReadonlyMap<string, OpenInMail>,
    private readonly removed: ReadonlySet<string>,
    readonly size: number,
  ) {}

  /** Wraps a map the caller hands over and never changes again (its order must be id order). */
  static adopt(map: ReadonlyMap<string, OpenInMail>): OpenInMails {
    return map instanceof OpenInMails ? map : new OpenInMails(map, new Map(), new Set(), map.size);
  }

  get(key: string): OpenInMail | undefined {
    const a = this.added.get(key);
    if (a !== undefined) return a;
    return this.removed.has(key) ? undefined : this.base.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** A map with `key` set; `value.id` must exceed every id present (it is a new send). */
  with(key: string, value: OpenInMail): OpenInMails {
    const had = this.has(key);
    const added = new Map(this.added);
    added.delete(key);
    added.set(key, value);
    let removed = this.removed;
    if (this.base.has(key) && !removed.has(key)) {
      removed = new Set(removed);
      (removed as Set<string>).add(key);
    }
    return new OpenInMails(this.base, added, removed, had ? this.size : this.size + 1).compactIfLarge();
  }

  without(key: string): OpenInMails {
    if (!this.has(key)) return this;
    let added = this.added;
    let removed = this.removed;
    if (added.has(key)) {
      added = new Map(added);
      (added as Map<string, OpenInMail>).delete(key);
    }
    if (this.base.has(key) && !removed.has(key)) {
      removed = new Set(removed);
      (removed as Set<string>).add(key);
    }
    return new OpenInMails(this.base, added, removed, this.size - 1).compactIfLarge();
  }

  /** A fresh mutable copy, in id order. */
  toMap(): Map<string, OpenInMail> {
    return new Map(this.entries());
  }

  *entries(): MapIterator<[string, OpenInMail]> {
    for (const [k, v] of this.base) {
      if (!this.removed.has(k) && !this.added.has(k)) yield [k, v];
    }
    yield* this.added;
  }

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<OpenInMail> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[string, OpenInMail]> {
    return this.entries();
  }

  forEach(fn: (value: OpenInMail, key: string, map: ReadonlyMap<string, OpenInMail>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }

  get [Symbol.toStringTag](): string {
    return 'OpenInMails';
  }

  private compactIfLarge(): OpenInMails {
    const overlay = this.added.size + this.removed.size;
    if (overlay <= 32 || overlay * overlay <= this.size) return this;
    return new OpenInMails(this.toMap(), new Map(), new Set(), this.size);
  }
}
