import { useState } from 'react';
import { ActionForm } from './form-parts.tsx';
import { errorMessage } from './api-client.ts';
import { accountApi, signOutAndLeave } from './account-api.ts';
import { Link, navigate } from './router.tsx';
import { useSession } from './session.tsx';
import { roleMeetsLevel } from './role-policy.ts';

export const mainNav = [
  { to: '/search', label: 'Search' },
  { to: '/campaigns', label: 'Campaigns' },
  { to: '/today', label: 'Today' },
  { to: '/credits', label: 'Credits' },
  { to: '/analytics', label: 'Analytics' },
  { to: '/import', label: 'Import' },
  { to: '/members', label: 'Members' },
  { to: '/tokens', label: 'Tokens' },
  { to: '/audit', label: 'Audit' },
  { to: '/settings', label: 'Settings' },
  { to: '/privacy', label: 'Privacy' },
  { to: '/account', label: 'Account' },
] as const;

const newWorkspaceValue = '__new__';

/** The app's top bar: the pages, the workspace switcher (with "New workspace") and the account. */
export function TopBar({ current }: { current: string }) {
  const { me, role, switched } = useSession();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isAdmin = role !== null && roleMeetsLevel(role, 'admin');
  // the audit log, settings and privacy are for admins; the account page is reached from the name on the right
  const links = mainNav.filter((n) => (n.to === '/audit' || n.to === '/settings' || n.to === '/privacy' ? isAdmin : n.to !== '/account'));

  const switchTo = async (id: string) => {
    if (id === newWorkspaceValue) {
      setCreating(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await accountApi.switchWorkspace(id);
      await switched();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const create = async () => {
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await accountApi.createWorkspace(name.trim());
      setCreating(false);
      setName('');
      await switched();
      navigate('/members');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <header className="topbar">
        <Link to="/search" className="brand" aria-label="Scoutline home">
          Scoutline
        </Link>
        <nav aria-label="Main">
          <ul>
            {links.map((n) => (
              <li key={n.to}>
                <Link to={n.to} aria-current={current.startsWith(n.to) ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar-session">
          {me.via === 'session' ? (
            <select
              className="workspace-switch"
              aria-label="Workspace"
              value={creating ? newWorkspaceValue : (me.workspace?.id ?? '')}
              disabled={busy}
              onChange={(e) => void switchTo(e.target.value)}
            >
              {me.workspace ? null : <option value="">no workspace</option>}
              {me.workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name} · {w.role}
                </option>
              ))}
              <option value={newWorkspaceValue}>+ New workspace…</option>
            </select>
          ) : (
            <span className="workspace-name">{me.workspace?.name}</span>
          )}
          <Link to="/account" className="account-link" aria-current={current.startsWith('/account') ? 'page' : undefined} title={me.user.email}>
            {me.user.name || me.user.email}
          </Link>
          <button type="button" className="small signout" onClick={() => void signOutAndLeave()}>
            Sign out
          </button>
        </div>
      </header>
      {creating ? (
        <ActionForm className="workspace-new" label="New workspace" onSubmit={create}>
          <label htmlFor="ws-new-name">New workspace</label>
          <input id="ws-new-name" type="text" maxLength={100} value={name} autoFocus onChange={(e) => setName(e.target.value)} placeholder="e.g. Berlin hiring team" />
          <button type="submit" className="primary small" disabled={busy || !name.trim()}>
            Create
          </button>
          <button type="button" className="small" onClick={() => setCreating(false)}>
            Cancel
          </button>
          <span className="muted small">You become its owner; its candidates, campaigns and seats are its own.</span>
        </ActionForm>
      ) : null}
      {error ? (
        <div className="banner error topbar-error" role="alert">
          {error}
        </div>
      ) : null}
    </>
  );
}
