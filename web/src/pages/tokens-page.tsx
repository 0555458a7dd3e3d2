import { useState } from 'react';
import { accountApi, roleLabel, roles, type ApiTokenInfo, type Role } from '../account-api.ts';
import { Empty, ErrorBanner, Loading, Section } from '../components.tsx';
import { ActionForm, Notice } from '../form-parts.tsx';
import { useApi } from '../use-api.ts';
import { useShownOnce } from '../use-shown-once.ts';
import { useSession } from '../session.tsx';
import { roleMeetsLevel } from '../role-policy.ts';
import { CopyOnce } from './copy-once.tsx';

const rank: Record<Role, number> = { viewer: 0, recruiter: 1, admin: 2, owner: 3 };

function when(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'never';
}

/** API tokens for integrations and the CLI against this server: one workspace each, at most your role, shown once. */
export function TokensPage() {
  const { me, role } = useSession();
  const tokens = useApi((signal) => accountApi.tokens(signal), []);
  const isAdmin = role !== null && roleMeetsLevel(role, 'admin');
  const members = useApi((signal) => (isAdmin ? accountApi.members(signal) : Promise.resolve({ members: [] })), [isAdmin]);
  const [name, setName] = useState('');
  const [tokenRole, setTokenRole] = useState<Role | ''>('');
  const { busy, error, made, make, revoke: revokeShown } = useShownOnce<{ token: string; info: ApiTokenInfo }>();
  const allowedRoles = roles.filter((r) => role !== null && rank[r] <= rank[role]);
  const owner = (userId: string) => (userId === me.user.id ? 'you' : (members.data?.members.find((m) => m.userId === userId)?.email ?? userId));

  const create = () =>
    make(async () => {
      const r = await accountApi.createToken(name.trim(), tokenRole || undefined);
      setName('');
      tokens.reload();
      return r;
    });
  const revoke = async (t: ApiTokenInfo) => {
    if (!window.confirm(`Revoke the token "${t.name}"? Anything using it stops working at once.`)) return;
    await revokeShown(async () => {
      await accountApi.revokeToken(t.id);
      tokens.reload();
    }, (m) => m.info.id === t.id);
  };
  const list = [...(tokens.data?.tokens ?? [])].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt));

  return (
    <div className="page">
      <h1>API tokens</h1>
      <p className="muted">
        A token lets a script, an integration or the CLI on another machine (<code>scoutline --server URL --token …</code>) act as you in {me.workspace?.name}, with at most your
        role. Keep it like a password; revoke it when it is no longer needed.
        {isAdmin ? ' As an admin you see every member’s tokens here.' : ''}
      </p>
      {me.via === 'session' ? (
        <Section title="New token" id="tok-new">
          <ActionForm label="New token" onSubmit={create}>
            <div className="field grow">
              <label htmlFor="tok-name">Name</label>
              <input id="tok-name" type="text" maxLength={100} required placeholder="e.g. ATS sync" value={name} onChange={(e) => setName(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="tok-role">Role</label>
              <select id="tok-role" value={tokenRole} onChange={(e) => setTokenRole(e.target.value as Role | '')}>
                <option value="">your role ({role})</option>
                {allowedRoles.map((r) => (
                  <option key={r} value={r}>
                    {roleLabel[r]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <button type="submit" className="primary" disabled={busy || !name.trim()}>
                {busy ? 'Creating…' : 'Create token'}
              </button>
            </div>
          </ActionForm>
          <Notice message={error} />
          {made ? (
            <CopyOnce
              label="New API token"
              value={made.token}
              intro={`Token "${made.info.name}" (${made.info.role}) is ready. Send it as "Authorization: Bearer <token>".`}
              warning="Copy it now: it will not be shown again. Scoutline keeps only a hash of it."
            />
          ) : null}
        </Section>
      ) : (
        <Notice message="Tokens are created from a signed-in browser session, not with another token." tone="info" />
      )}
      <ErrorBanner error={tokens.error} />
      {tokens.loading && !tokens.data ? <Loading /> : null}
      {tokens.data && list.length === 0 ? <Empty>No tokens yet.</Empty> : null}
      {list.length ? (
        <div className="table-wrap card">
          <table aria-label="Tokens" className="stack">
            <thead>
              <tr>
                <th>Name</th>
                <th>Role</th>
                <th>Starts with</th>
                {isAdmin ? <th>Of</th> : null}
                <th>Created</th>
                <th>Last used</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((t) => (
                <tr key={t.id} className={t.revokedAt ? 'revoked' : undefined}>
                  <td className="break" data-label="Name">{t.name}</td>
                  <td data-label="Role">{t.role}</td>
                  <td data-label="Starts with">
                    <code>{t.prefix}…</code>
                  </td>
                  {isAdmin ? <td className="break" data-label="Of">{owner(t.userId)}</td> : null}
                  <td className="nowrap" data-label="Created">{when(t.createdAt)}</td>
                  <td className="nowrap" data-label="Last used">{when(t.lastUsedAt)}</td>
                  <td>
                    {t.revokedAt ? (
                      <span className="badge">revoked</span>
                    ) : (
                      <button type="button" className="small danger" onClick={() => void revoke(t)} aria-label={`Revoke token ${t.name}`}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
