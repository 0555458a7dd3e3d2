import { useState } from 'react';
import { errorMessage } from '../api-client.ts';
import { accountApi, roleLabel, signOutAndLeave } from '../account-api.ts';
import { Section } from '../components.tsx';
import { ActionForm, Notice } from '../form-parts.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { PasswordFields, passwordProblem } from './password-fields.tsx';

/** Who am I, my workspaces, my password, sign out. */
export function AccountPage() {
  const { me, reload } = useSession();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const first = !me.user.hasPassword;

  const save = async () => {
    const problem = passwordProblem(password, repeat);
    if (problem) return setError(problem);
    if (!first && !current) return setError('Type your current password first.');
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await accountApi.setPassword(password, first ? undefined : current);
      setNotice(first ? 'Password set. From now on you sign in with your email and this password.' : 'Password changed. Your other sessions were signed out.');
      setCurrent('');
      setPassword('');
      setRepeat('');
      await reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="page narrow-page">
      <h1>Account</h1>
      {first && me.via === 'session' ? (
        <div className="banner warn" role="status">
          You signed in with a one-time link and have no password yet. Set one now: the link works only once.
        </div>
      ) : null}
      <Section title="You" id="acct-you">
        <dl className="props">
          <dt>Name</dt>
          <dd>{me.user.name}</dd>
          <dt>Email</dt>
          <dd>{me.user.email}</dd>
          <dt>Workspace</dt>
          <dd>{me.workspace ? `${me.workspace.name} (${roleLabel[me.workspace.role]})` : 'none yet'}</dd>
          <dt>Signed in with</dt>
          <dd>{me.via === 'session' ? 'this browser session' : me.via === 'token' ? 'an API token' : me.via}</dd>
        </dl>
        {me.workspaces.length > 1 ? (
          <>
            <h3>Your workspaces</h3>
            <ul className="plain-list">
              {me.workspaces.map((w) => (
                <li key={w.id}>
                  {w.name} <span className="badge">{w.role}</span>
                  {w.id === me.workspace?.id ? <span className="muted small"> · current</span> : null}
                </li>
              ))}
            </ul>
            <p className="muted small">Switch between them in the top bar.</p>
          </>
        ) : null}
        <div className="card-actions">
          <Link to="/tokens" className="button small">
            API tokens
          </Link>
          <button type="button" className="small" onClick={() => void signOutAndLeave()}>
            Sign out
          </button>
        </div>
      </Section>
      {me.via === 'session' ? (
        <Section title={first ? 'Set a password' : 'Change password'} id="acct-password">
          <ActionForm label={first ? 'Set a password' : 'Change password'} onSubmit={save}>
            {!first ? (
              <div className="field">
                <label htmlFor="pw-current">Current password</label>
                <input id="pw-current" type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
              </div>
            ) : null}
            <PasswordFields idPrefix="pw" password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} />
            <Notice message={error} />
            <Notice message={notice} tone="ok" />
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Saving…' : first ? 'Set password' : 'Change password'}
            </button>
            {!first ? <p className="muted small">Changing it signs out your other sessions (other browsers and devices).</p> : null}
          </ActionForm>
        </Section>
      ) : null}
    </div>
  );
}
