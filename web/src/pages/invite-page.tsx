import { useEffect, useState } from 'react';
import { api, ApiError, errorMessage } from '../api-client.ts';
import { accountApi, roleLabel, type AcceptInvitationBody, type InvitationPreview, type Role } from '../account-api.ts';
import { AuthCard, Loading } from '../components.tsx';
import { ActionForm, Notice } from '../form-parts.tsx';
import { Link, navigate } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { PasswordFields, passwordProblem } from './password-fields.tsx';

const roleMeaning: Record<Role, string> = {
  owner: 'everything, including other owners',
  admin: 'members, invitations, settings, every seat and credit moves',
  recruiter: 'search, import, campaigns and the tasks of your own seats',
  viewer: 'read candidates, shortlists and campaign results, and comment',
};

/** better-auth's session read: null when nobody is signed in (so no 401 in the console). */
interface SessionRead {
  user: { email: string; name: string };
}

/** `/invite/:token`: what the invitation is for; join with one click when signed in, or create an account. */
export function InvitePage({ token }: { token: string }) {
  const data = useApi(
    async (signal) => {
      const [inv, session] = await Promise.all([accountApi.invitation(token, signal), api.get<SessionRead | null>('/api/auth/get-session', signal)]);
      return { inv, session };
    },
    [token],
  );
  useEffect(() => {
    document.title = 'Invitation · Scoutline';
  }, []);
  return (
    <AuthCard>
      {data.loading && !data.data ? (
        <Loading />
      ) : !data.data ? (
        <>
          <h1>Invitation</h1>
          <div className="banner error" role="alert">
            {data.error instanceof ApiError && data.error.status === 404
              ? 'This invitation link is not valid: it may have expired (links last 7 days), been used already, or been revoked. Ask the person who invited you for a new one.'
              : errorMessage(data.error)}
          </div>
        </>
      ) : (
        <Invitation token={token} inv={data.data.inv} signedInAs={data.data.session?.user.email ?? null} />
      )}
    </AuthCard>
  );
}

function Invitation({ token, inv, signedInAs }: { token: string; inv: InvitationPreview; signedInAs: string | null }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState(inv.email ?? '');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const wrongUser = signedInAs !== null && inv.email !== null && inv.email !== signedInAs.toLowerCase();

  const accept = async (body: AcceptInvitationBody) => {
    setBusy(true);
    setError(null);
    try {
      await accountApi.acceptInvitation(token, body);
      // signed in now (the answer set the session cookie), in the joined workspace
      navigate('/', true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const create = () => {
    const problem = passwordProblem(password, repeat);
    if (problem) return setError(problem);
    if (!inv.email && !email.trim()) return setError('Give the email you will sign in with.');
    void accept({ name: name.trim() || undefined, email: inv.email ? undefined : email.trim(), password });
  };
  const signOut = async () => {
    await accountApi.signOut().catch(() => undefined);
    window.location.reload();
  };

  return (
    <>
      <h1>Join {inv.workspaceName}</h1>
      <p>
        You are invited to the workspace <strong>{inv.workspaceName}</strong> as <strong>{roleLabel[inv.role]}</strong>: {roleMeaning[inv.role]}.
      </p>
      <p className="muted small">
        {inv.email ? `The invitation is for ${inv.email}. ` : ''}The link works until {inv.expiresAt.slice(0, 16).replace('T', ' ')} UTC.
      </p>
      {signedInAs ? (
        wrongUser ? (
          <>
            <div className="banner warn" role="status">
              You are signed in as {signedInAs}, but this invitation is for {inv.email}. Sign out, then open the link again.
            </div>
            <button type="button" onClick={() => void signOut()}>
              Sign out
            </button>
          </>
        ) : (
          <>
            <p>Signed in as {signedInAs}.</p>
            <Notice message={error} />
            <button type="button" className="primary" disabled={busy} onClick={() => void accept({})}>
              Join {inv.workspaceName}
            </button>
          </>
        )
      ) : inv.existingUser ? (
        <div className="banner info" role="status">
          You already have a Scoutline account as {inv.email}. <Link to={`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`}>Sign in</Link>, and you come back here to join.
        </div>
      ) : (
        <ActionForm label="Create your account" onSubmit={create}>
          <h2>Create your account</h2>
          <div className="field">
            <label htmlFor="inv-name">Your name</label>
            <input id="inv-name" type="text" autoComplete="name" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="inv-email">Email</label>
            <input id="inv-email" type="email" autoComplete="username" required readOnly={inv.email !== null} value={email} onChange={(e) => setEmail(e.target.value)} aria-describedby={inv.email ? 'inv-email-hint' : undefined} />
            {inv.email ? (
              <span className="muted small" id="inv-email-hint">
                The invitation names this address.
              </span>
            ) : null}
          </div>
          <PasswordFields idPrefix="inv" label="Choose a password" password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} />
          <Notice message={error} />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Joining…' : `Create account and join`}
          </button>
          <p className="muted small">
            Already have an account? <Link to={`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`}>Sign in first</Link>.
          </p>
        </ActionForm>
      )}
    </>
  );
}
