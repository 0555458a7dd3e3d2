import type { Sequence } from './sequence-step.ts';

/**
 * Steps are editable until a candidate reaches them (issue item 1). A step
 * is reached once any enrollment's position passed it or an action for it is
 * planned or done. An edit may change, add or remove only steps at or after
 * the first unreached index; reached steps must stay exactly as they were.
 * Pure.
 */
export type SequenceEditCheck = { ok: true } | { ok: false; code: 'conflict'; message: string; reachedSteps: number };

export function checkSequenceEdit(current: Sequence, next: Sequence, reachedSteps: number): SequenceEditCheck {
  for (let i = 0; i < reachedSteps && i < current.length; i++) {
    if (i >= next.length || JSON.stringify(current[i]) !== JSON.stringify(next[i])) {
      return { ok: false, code: 'conflict', message: `step ${i + 1} ('${current[i].key}') was already reached by a candidate and cannot be changed or removed`, reachedSteps };
    }
  }
  return { ok: true };
}
