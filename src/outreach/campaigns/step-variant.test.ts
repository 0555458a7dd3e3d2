import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStepVariants, variantCheckCandidate } from './sequence-edit.ts';
import { simulatedMessages, variantTemplates } from '../simulation/simulate-campaign-input-store.ts';
import { sequenceSchema, type StepVariant } from './sequence-step.ts';
import { assignStepVariant } from './step-variant.ts';

const v = (key: string, weight = 1): StepVariant => ({ key, template: 'connection-note', weight });
const paid = { id: 'p', name: 'Paid seat', paid: true, employers: [], schools: [] };
const free = { id: 'f', name: 'Free seat', paid: false, employers: [], schools: [] };
const note = (text: string) => `---\nstep: connection_note\n---\n${text}`;

describe('assignStepVariant', () => {
  it('is deterministic and always one of the variants', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 1, maxLength: 5 }), fc.string(), fc.integer({ min: 1, max: 1e9 }), (weights, cmp, id) => {
        const vs = weights.map((w, i) => v(`v${i}`, w));
        const a = assignStepVariant(vs, cmp, 'invite', id);
        return a !== null && vs.includes(a) && a === assignStepVariant(vs, cmp, 'invite', id);
      }),
    );
    expect(assignStepVariant([], 'c', 'invite', 1)).toBeNull();
  });

  it('splits consecutive candidates evenly with equal weights', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 200 }), fc.string(), (start, n, cmp) => {
        const counts = { A: 0, B: 0 };
        for (let id = start; id < start + n; id++) counts[assignStepVariant([v('A'), v('B')], cmp, 'invite', id)!.key as 'A' | 'B']++;
        return Math.abs(counts.A - counts.B) <= 1;
      }),
    );
  });

  it('follows the weights', () => {
    const counts = { A: 0, B: 0 };
    for (let id = 1; id <= 4000; id++) counts[assignStepVariant([v('A', 3), v('B', 1)], 'cmp_w', 'invite', id)!.key as 'A' | 'B']++;
    expect(counts.A / 4000).toBeGreaterThan(0.7);
    expect(counts.A / 4000).toBeLessThan(0.8);
  });
});

describe('step variants in the sequence schema and at edit time', () => {
  it('refuses duplicate variant keys in a step', () => {
    const r = sequenceSchema.safeParse([{ key: 'invite', channel: 'connection_request', variants: [v('A'), v('a')] }]);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/variant keys must be unique/);
  });

  it('accepts good variants and names the step and variant of a bad one', () => {
    const steps = (variants: StepVariant[], channel = 'connection_request') => sequenceSchema.parse([{ key: 'invite', channel, variants }]);
    expect(checkStepVariants(steps([v('A'), { key: 'B', template: note('Hi {{ candidate.first_name }}, your work at {{ hook.company }} caught my eye.'), weight: 1 }]), [paid, free], null, '2026-03-03')).toBeNull();

    const syntax = checkStepVariants(steps([v('A'), { key: 'B', template: note('Hi {{ candidate.first_name '), weight: 1 }]), [paid], null, '2026-03-03');
    expect(syntax).toMatchObject({ code: 'template_error', step: 'invite', variant: 'B' });
    expect(syntax!.message).toMatch(/step 1 \('invite'\) variant 'B'/);

    // 250 characters of fixed text: fits a paid seat's 300, not a free seat's 200
    const long = { key: 'L', template: note(`Hi {{ candidate.first_name }}, ${'x'.repeat(250)}`), weight: 1 };
    expect(checkStepVariants(steps([long]), [paid], null, '2026-03-03')).toBeNull();
    const tooLong = checkStepVariants(steps([long]), [paid, free], null, '2026-03-03');
    expect(tooLong).toMatchObject({ code: 'message_too_long', step: 'invite', variant: 'L' });
    expect(tooLong!.message).toMatch(/free seat 'Free seat'/);

    expect(checkStepVariants(steps([{ key: 'U', template: note('Hi {{ candidat.first_name }}'), weight: 1 }]), [paid], null, '2026-03-03')).toMatchObject({ code: 'template_error', variant: 'U' });
    expect(checkStepVariants(steps([v('A')], 'phone'), [paid], null, '2026-03-03')).toMatchObject({ code: 'invalid_input', step: 'invite', variant: null });
    // a template written for another message step
    expect(checkStepVariants(steps([{ key: 'I', template: 'inmail', weight: 1 }]), [paid], null, '2026-03-03')).toMatchObject({ code: 'template_error', variant: 'I' });
  });
});

describe('campaign simulation with step variants', () => {
  it('composes each candidate the variant the worker would send', () => {
    const seq = sequenceSchema.parse([
      { key: 'invite', channel: 'connection_request', anchor: 'enrolled', variants: [{ key: 'short', template: note('Hi {{ candidate.first_name }}, your work at {{ hook.company }} caught my eye.') }, { key: 'long', template: note(`Hi {{ candidate.first_name }}, your work at {{ hook.company }} caught my eye. ${'More words here. '.repeat(8)}`) }] },
      { key: 'email', channel: 'email', anchor: 'previous_action', delayDays: 7 },
    ]);
    const seat = { id: 's', name: 'Sam', paid: true, employers: [], schools: [], plan: null, timeZone: 'UTC', workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] }, weeklyInviteCap: 100 } as unknown as Parameters<typeof simulatedMessages>[1];
    const lengths = new Map<string, number[]>();
    for (let id = 1; id <= 6; id++) {
      const templates = variantTemplates('cmp_sim', seq, id);
      expect(templates.email).toBeUndefined();
      const key = assignStepVariant(seq[0].variants, 'cmp_sim', 'invite', id)!.key;
      const candidate = { ...variantCheckCandidate, id, workspaceId: 'default', importedAt: '', updatedAt: '' } as unknown as Parameters<typeof simulatedMessages>[0];
      const m = simulatedMessages(candidate, seat, null, '2026-03-03', templates);
      lengths.set(key, [...(lengths.get(key) ?? []), m.connection_request!.length]);
    }
    expect(Math.min(...lengths.get('long')!)).toBeGreaterThan(Math.max(...lengths.get('short')!) + 100);
  });
});
