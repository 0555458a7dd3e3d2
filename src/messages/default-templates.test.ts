import { describe, expect, it } from 'vitest';
import { demoReferenceDate, generateDemoCandidates } from '../candidates/demo-data.ts';
import { composeMessage, type ComposeSeat } from './compose-message.ts';
import { hasLintErrors } from './lint-finding.ts';
import { messageSteps } from './message-step.ts';
import type { MessageRole } from './message-role.ts';
import { composeBatch } from './compose-batch.ts';
import { defaultTemplateSources } from './default-templates.ts';
import { resolveTemplate } from './template-ref.ts';
import { findUnknownVariables } from './template-scope.ts';

/** The "done when": the 1,000-profile demo set, on a paid and a free seat. */
const candidates = [...generateDemoCandidates(1000, 1)].map((c, i) => ({ ...c, id: i + 1 }));
const role: MessageRole = { title: 'Senior Backend Engineer', company: 'Initech', skills: ['Go', 'Kubernetes', 'PostgreSQL'], location: 'Berlin', pitch: 'A small platform team that owns payments end to end.' };
const seats: ComposeSeat[] = [
  { name: 'Jane Doe', paid: true, employers: ['Globex', 'Hooli'], schools: ['ETH Zurich'] },
  { name: 'Maximilian Obermeyer-Schwarzenberg', paid: false, employers: [], schools: [] },
];

describe('default templates on the 1,000-profile demo set', () => {
  for (const seat of seats) {
    it(`every connection note fits ${seat.paid ? 300 : 200}, mentions a personal hook and lints clean (${seat.paid ? 'paid' : 'free'} seat, with and without a role)`, () => {
      for (const r of [role, null]) {
        for (const candidate of candidates) {
          const res = composeMessage({ step: 'connection_note', candidate, seat, role: r, asOf: demoReferenceDate });
          if (!res.ok) throw new Error(`candidate #${candidate.id}: ${res.message}`);
          expect(res.length).toBeLessThanOrEqual(seat.paid ? 300 : 200);
          expect(res.hooksUsed.length, res.body).toBeGreaterThan(0);
          expect(res.lint, res.body).toEqual([]);
        }
      }
    });
  }

  it('every step renders for the first 250 profiles without lint errors', () => {
    for (const step of messageSteps) {
      const batch = composeBatch({ step, candidates: candidates.slice(0, 250), seat: seats[0]!, role, asOf: demoReferenceDate });
      expect(batch.summary.failed).toBe(0);
      for (const item of batch.items) if (item.result.ok) expect(hasLintErrors(item.result.lint), `${item.candidate}: ${JSON.stringify(item.result.lint)}`).toBe(false);
    }
  });

  it('the defaults read only known variables', () => {
    for (const name of Object.keys(defaultTemplateSources)) {
      const r = resolveTemplate(name);
      if (!r.ok) throw new Error(r.message);
      expect(findUnknownVariables(r.compiled.variables), name).toEqual([]);
    }
  });
});

describe('docs/messages.md', () => {
  it('the template example composes without lint errors', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/messages.md', import.meta.url), 'utf8');
    const source = /```liquid\n([\s\S]*?)```/.exec(doc)![1]!;
    const res = composeMessage({ step: 'connection_note', template: { source }, candidate: candidates[0]!, seat: seats[0]!, role, asOf: demoReferenceDate });
    if (!res.ok) throw new Error(res.message);
    expect(res.template).toBe('my-note');
    expect(hasLintErrors(res.lint.filter((l) => l.code !== 'no_personal_hook'))).toBe(false);
  });
});
