import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../api-client.ts';
import { accountApi } from '../account-api.ts';
import { AuthCard } from '../components.tsx';
import { Notice } from '../form-parts.tsx';
import { navigate, useLocation } from '../router.tsx';
import { safeReturnPath } from '../sign-in-return.ts';
import { signInRefusal } from '../sign-in-refusal.ts';

export function SignInPage() {
  const { search } = useLocation();
  const next = safeReturnPath(search.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [forgot, setForgot] = useState(false);
  const [resetSent, setResetSent] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Sign in · Scoutline';
  }, []);

  const signIn = async () => {
    setBusy(true);
    setError(null);
    try {
      await accountApi.signIn(email.trim(), password);
      navigate(next, true);
    } catch (err) {
      setError(signInRefusal(err));
    } finally {
      setBusy(false);
    }
  };
  const requestReset = async () => {
    setBusy(true);
    setError(null);
    try {
      await accountApi.requestReset(email.trim());
      setResetSent(email.trim());
    } catch (err) {
      setError(err instanceof ApiError && err.status === 429 ? signInRefusal(err) : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard foot="New here? Ask an admin of your team for an invitation link. On the first start, the server prints a one-time sign-in link for the owner.">
      <h1>{forgot ? 'Reset your password' : 'Sign in'}</h1>
      {next !== '/' && !forgot ? <p className="muted small">Sign in to go on to {next.split('?')[0]}.</p> : null}
      <form
        aria-label={forgot ? 'Reset password' : 'Sign in'}
        onSubmit={(e) => {
          e.preventDefault();
          void (forgot ? requestReset() : signIn());
        }}
      >
        <div className="field">
          <label htmlFor="si-email">Email</label>
          <input id="si-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        {!forgot ? (
          <div className="field">
            <label htmlFor="si-password">Password</label>
            <input id="si-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
        ) : null}
        <Notice message={error} />
        {resetSent ? (
          <div className="banner info" role="status">
            If the server can send email, a reset link is on its way to {resetSent} (valid one hour). Otherwise ask an admin to run{' '}
            <code>scoutline users reset-link {resetSent}</code> on the server and give you the link.
          </div>
        ) : null}
        <div className="auth-actions">
          <button type="submit" className="primary" disabled={busy}>
            {forgot ? (busy ? 'Sending…' : 'Send reset link') : busy ? 'Signing in…' : 'Sign in'}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setForgot(!forgot);
              setError(null);
              setResetSent(null);
            }}
          >
            {forgot ? 'Back to sign in' : 'Forgot password?'}
          </button>
        </div>
      </form>
    </AuthCard>
  );
}
