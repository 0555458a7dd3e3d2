import { Section } from '../components.tsx';
import type { Candidate } from '../types.ts';

/** Outreach history, notes and suppression for one candidate (grows with the outreach API). */
export function CandidateOutreach({ candidate }: { candidate: Candidate }) {
  return (
    <Section title="Outreach" id={`outreach-${candidate.id}`}>
      <p className="muted">Outreach history appears here once the outreach API is available.</p>
    </Section>
  );
}
