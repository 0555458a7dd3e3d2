import { ActionForm, Notice } from '../form-parts.tsx';
import { useState } from 'react';
import { errorMessage } from '../api-client.ts';
import { Empty, ErrorBanner, Section } from '../components.tsx';
import { outreachApi } from '../outreach-api.ts';
import { useApi } from '../use-api.ts';
import { usePermit, useSession } from '../session.tsx';

/** Notes on the candidate: add (Ctrl+Enter or the button), delete, newest first. */
export function CandidateNotes({ candidateId }: { candidateId: number }) {
  const notes = useApi((signal) => outreachApi.notes(candidateId, signal), [candidateId]);
  const { me, role } = useSession();
  // its author may delete a note, and admins any (the server checks the same)
  const mayDeleteAny = role === 'admin' || role === 'owner';
  const comment = usePermit('POST /api/candidates/{id}/notes');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const add = async () => {
    if (!text.trim()) {
      setError('Write something first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await outreachApi.addNote(candidateId, text);
      setText('');
      notes.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: number) => {
    setError(null);
    try {
      await outreachApi.deleteNote(candidateId, id);
      notes.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Section title="Notes" id={`notes-${candidateId}`}>
      <ActionForm  onSubmit={add}>
        <div className="field">
          <label htmlFor={`note-text-${candidateId}`}>New note</label>
          <textarea
            id={`note-text-${candidateId}`}
            rows={3}
            maxLength={5000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void add();
            }}
          />
        </div>
        <button type="submit" className="small primary" disabled={busy || !comment.allowed} title={comment.reason ?? undefined}>
          Add note
        </button>
      </ActionForm>
      <Notice message={error} />
      <ErrorBanner error={notes.error} />
      {notes.data && notes.data.notes.length === 0 ? <Empty>No notes yet.</Empty> : null}
      <ul className="plain-list notes" aria-label="Notes">
        {notes.data?.notes.map((n) => (
          <li key={n.id}>
            <div className="prose">{n.text}</div>
            <div className="muted small">
              {n.createdAt.replace('T', ' ').slice(0, 16)}
              {' · '}
              {n.author ? (n.author.userId === me.user.id ? 'you' : n.author.name || n.author.email) : n.authorUserId ? 'a former member' : 'command line'}
              {n.authorSeatId ? ` · seat ${n.authorSeatId}` : ''}{' '}
              {mayDeleteAny || n.authorUserId === me.user.id ? (
                <button type="button" className="small" aria-label={`Delete note from ${n.createdAt.slice(0, 16)}`} onClick={() => void remove(n.id)}>
                  Delete
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </Section>
  );
}
