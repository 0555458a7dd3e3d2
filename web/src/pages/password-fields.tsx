/** The server's rule (at least 10, at most 256 characters), checked before sending so the message comes at once. */
export function passwordProblem(password: string, repeat: string): string | null {
  if (password.length < 10) return 'Choose a password of at least 10 characters.';
  if (password.length > 256) return 'A password can have at most 256 characters.';
  if (password !== repeat) return 'The two passwords are not the same.';
  return null;
}

/** A new password typed twice. */
export function PasswordFields(props: { idPrefix: string; password: string; repeat: string; onPassword: (v: string) => void; onRepeat: (v: string) => void; label?: string }) {
  const { idPrefix: p } = props;
  return (
    <>
      <div className="field">
        <label htmlFor={`${p}-new`}>{props.label ?? 'New password'}</label>
        <input id={`${p}-new`} type="password" autoComplete="new-password" minLength={10} maxLength={256} required value={props.password} onChange={(e) => props.onPassword(e.target.value)} aria-describedby={`${p}-hint`} />
        <span className="muted small" id={`${p}-hint`}>
          At least 10 characters. A few unrelated words are easy to remember and hard to guess.
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${p}-repeat`}>Repeat the password</label>
        <input id={`${p}-repeat`} type="password" autoComplete="new-password" required value={props.repeat} onChange={(e) => props.onRepeat(e.target.value)} />
      </div>
    </>
  );
}
