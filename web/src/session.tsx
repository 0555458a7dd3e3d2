import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from './api-client.ts';
import { accountApi, type Me, type Role } from './account-api.ts';
import { permitFor, type Permit, type UiAction } from './role-policy.ts';

/**
 * Who is signed in (GET /api/me), shared by every page: the top bar's
 * workspace switcher, the role-aware controls, the account page. `version`
 * changes when the workspace changes, so pages keyed on it read their data
 * again from the new workspace.
 */
export interface Session {
  me: Me;
  role: Role | null;
  version: number;
  /** reads /api/me again (after a password is set, a workspace joined) */
  reload: () => Promise<void>;
  /** reads /api/me again and re-mounts the pages (after switching workspace) */
  switched: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'error'; error: unknown } | { status: 'ready'; session: Session };

/** Loads /api/me once; `signed-out` on a 401. */
export function useSessionLoader(): SessionState {
  const [me, setMe] = useState<Me | null>(null);
  const [failure, setFailure] = useState<{ signedOut: boolean; error: unknown } | null>(null);
  const [version, setVersion] = useState(0);
  const load = useCallback(async () => {
    try {
      setMe(await accountApi.me());
      setFailure(null);
    } catch (err) {
      setFailure({ signedOut: err instanceof ApiError && err.status === 401, error: err });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const switched = useCallback(async () => {
    await load();
    setVersion((v) => v + 1);
  }, [load]);
  const session = useMemo<Session | null>(() => (me ? { me, role: me.workspace?.role ?? null, version, reload: load, switched } : null), [me, version, load, switched]);
  if (failure) return failure.signedOut ? { status: 'signed-out' } : { status: 'error', error: failure.error };
  if (!session) return { status: 'loading' };
  return { status: 'ready', session };
}

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The signed-in session; pages under the app shell always have one. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the signed-in app');
  return s;
}

/** Whether the current role may use the control for a route, and why not. Outside a session (tests of lone components): allowed. */
export function usePermit(action: UiAction): Permit {
  const s = useContext(SessionContext);
  if (!s) return { allowed: true, reason: null };
  return permitFor(s.role, action);
}

/** The first refusal among several routes a control needs (e.g. Shortlist saves a role and the feedback). */
export function usePermitAll(...actions: UiAction[]): Permit {
  const s = useContext(SessionContext);
  if (!s) return { allowed: true, reason: null };
  for (const a of actions) {
    const p = permitFor(s.role, a);
    if (!p.allowed) return p;
  }
  return { allowed: true, reason: null };
}

/** The reason a control is disabled, shown once beside a group of controls. */
export function RoleNote({ permit, id }: { permit: Permit; id?: string }) {
  if (permit.allowed) return null;
  return (
    <p className="role-note" id={id} role="note">
      {permit.reason}
    </p>
  );
}
