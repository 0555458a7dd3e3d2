import { AuthCard } from '../components.tsx';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api-client.ts';
import { accountApi } from '../account-api.ts';
import { ActionForm, Notice } from '../form-parts.tsx';
import { Link, useLocation } from '../router.tsx';
import { PasswordFields, passwordProblem } from './password-fields.tsx';

/** `/reset-password?token=...`: where the emailed (or CLI-made) reset link lands; the auth server adds `error=` when the link is bad. */
export function ResetPasswordPage() {
  const { search } = useLocation();
  const token = search.get('token') ?? '';
  const linkError = search.get('error');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    document.title = 'Reset password · Scoutline';
  }, []);

  const submit = async () => {
    const problem = passwordProblem(password, repeat);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await accountApi.resetPassword(token, password);
      setDone(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard>
      <h1>Choose a new password</h1>
      {!token || linkError ? (
        <div className="banner error" role="alert">
          This reset link is not valid: it may have expired (links last one hour) or been used. <Link to="/sign-in">Ask for a new one</Link>.
        </div>
      ) : done ? (
        <div className="banner ok" role="status">
          Your password is changed, and every session of your account was signed out. <Link to="/sign-in">Sign in</Link> with the new password.
        </div>
      ) : (
        <ActionForm label="New password" onSubmit={submit}>
          <PasswordFields idPrefix="rp" password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} />
          <Notice message={error} />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Set new password'}
          </button>
        </ActionForm>
      )}
    </AuthCard>
  );
}
