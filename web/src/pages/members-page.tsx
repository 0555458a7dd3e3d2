import { useState } from 'react';
import { errorMessage } from '../api-client.ts';
import { accountApi, roleLabel, roles, type Invitation, type Member, type Role } from '../account-api.ts';
import { Empty, ErrorBanner, Loading, Section, day } from '../components.tsx';
import { ActionForm, Notice } from '../form-parts.tsx';
import { useApi } from '../use-api.ts';
import { useShownOnce } from '../use-shown-once.ts';
import { RoleNote, usePermit, useSession } from '../session.tsx';
import { CopyOnce } from './copy-once.tsx';

/** The workspace's members and their roles; for admins also role changes, removal and invitations. */
export function MembersPage() {
  const { me, role } = useSession();
  const members = useApi((signal) => accountApi.members(signal), []);
  const manage = usePermit('PATCH /api/members/{userId}');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // only an owner makes or changes owners
  const assignable = roles.filter((r) => r !== 'owner' || role === 'owner');

  const changeRole = async (m: Member, to: Role) => {
    setError(null);
    setNotice(null);
    try {
      await accountApi.changeRole(m.userId, to);
      setNotice(`${m.name} is now ${roleLabel[to]}.`);
      members.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const remove = async (m: Member) => {
    if (!window.confirm(`Remove ${m.name} (${m.email}) from ${me.workspace?.name}? Their seats become unassigned and their API tokens here stop working.`)) return;
    setError(null);
    setNotice(null);
    try {
      await accountApi.removeMember(m.userId);
      setNotice(`${m.name} was removed.`);
      members.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div className="page">
      <h1>Members</h1>
      <p className="muted">
        Who works in {me.workspace?.name}. Owners and admins manage members, invitations and settings; recruiters search, import and run campaigns from their own seats;
        viewers (hiring managers) read candidates and results and comment.
      </p>
      <RoleNote permit={manage.allowed ? manage : { allowed: false, reason: 'Only admins and the owner change roles, remove members and invite people.' }} />
      <Notice message={error} />
      <Notice message={notice} tone="ok" />
      <ErrorBanner error={members.error} />
      {members.loading && !members.data ? <Loading /> : null}
      {members.data ? (
        <div className="table-wrap card">
          <table aria-label="Members" className="stack">
            <thead>
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Role</th>
                <th>Joined</th>
                {manage.allowed ? <th>Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.data.members.map((m) => {
                const self = m.userId === me.user.id;
                // an admin cannot change or remove an owner; the server says so too
                const locked = self || (m.role === 'owner' && role !== 'owner');
                return (
                  <tr key={m.userId}>
                    <td data-label="Name">
                      {m.name}
                      {self ? <span className="muted small"> (you)</span> : null}
                    </td>
                    <td className="break" data-label="Email">{m.email}</td>
                    <td data-label="Role">
                      {manage.allowed && !locked ? (
                        <select aria-label={`Role of ${m.name}`} value={m.role} onChange={(e) => void changeRole(m, e.target.value as Role)}>
                          {assignable.map((r) => (
                            <option key={r} value={r}>
                              {roleLabel[r]}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <span className="badge">{roleLabel[m.role]}</span>
                      )}
                    </td>
                    <td className="nowrap" data-label="Joined">{day(m.joinedAt)}</td>
                    {manage.allowed ? (
                      <td className={locked ? 'stack-empty' : undefined}>
                        {!locked ? (
                          <button type="button" className="small danger" onClick={() => void remove(m)} aria-label={`Remove ${m.name}`}>
                            Remove
                          </button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {manage.allowed ? <Invitations canInviteOwner={role === 'owner'} /> : null}
    </div>
  );
}

function Invitations({ canInviteOwner }: { canInviteOwner: boolean }) {
  const list = useApi((signal) => accountApi.invitations(signal), []);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('recruiter');
  const { busy, error, made, make, revoke: revokeShown } = useShownOnce<{ url: string; emailed: boolean; invitation: Invitation }>();
  const { me } = useSession();

  const invite = () =>
    make(async () => {
      const r = await accountApi.invite(email.trim() || null, role);
      setEmail('');
      list.reload();
      return r;
    });
  const revoke = (inv: Invitation) =>
    revokeShown(async () => {
      await accountApi.revokeInvitation(inv.id);
      list.reload();
    }, (m) => m.invitation.id === inv.id);
  const pendingFirst = [...(list.data?.invitations ?? [])].sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending') || b.createdAt.localeCompare(a.createdAt));

  return (
    <Section title="Invitations" id="inv-title">
      <ActionForm label="Invite someone" onSubmit={invite}>
        <div className="field grow">
          <label htmlFor="inv-email-new">Email (optional)</label>
          <input id="inv-email-new" type="email" value={email} placeholder="leave empty for a link anyone can use once" onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="inv-role">Role</label>
          <select id="inv-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles
              .filter((r) => r !== 'owner' || canInviteOwner)
              .map((r) => (
                <option key={r} value={r}>
                  {roleLabel[r]}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Inviting…' : 'Create invitation'}
          </button>
        </div>
      </ActionForm>
      <p className="muted small">
        An invitation link works once, for 7 days.{' '}
        {me.smtp ? 'With an email address, Scoutline emails the link too.' : 'This server has no email settings: send the link yourself.'}
      </p>
      <Notice message={error} />
      {made ? (
        <CopyOnce
          label="Invitation link"
          value={made.url}
          intro={
            made.emailed
              ? `Emailed to ${made.invitation.email}. The link, in case it does not arrive (shown only now):`
              : `Send this link to ${made.invitation.email ?? 'the person you invite'}, who joins as ${roleLabel[made.invitation.role].toLowerCase()}. It is shown only now:`
          }
        />
      ) : null}
      {list.loading && !list.data ? <Loading /> : null}
      <ErrorBanner error={list.error} />
      {list.data && list.data.invitations.length === 0 ? <Empty>No invitations yet.</Empty> : null}
      {pendingFirst.length ? (
        <div className="table-wrap">
          <table aria-label="Invitations" className="stack">
            <thead>
              <tr>
                <th>For</th>
                <th>Role</th>
                <th>Status</th>
                <th>Expires</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {pendingFirst.map((inv) => (
                <tr key={inv.id}>
                  <td className="break" data-label="For">{inv.email ?? <span className="muted">anyone with the link</span>}</td>
                  <td data-label="Role">{roleLabel[inv.role]}</td>
                  <td data-label="Status">
                    <span className={`badge ${inv.status === 'pending' ? 'info' : inv.status === 'accepted' ? 'ok' : ''}`}>{inv.status}</span>
                  </td>
                  <td className="nowrap" data-label="Expires">{day(inv.expiresAt)}</td>
                  <td className={inv.status === 'pending' ? undefined : 'stack-empty'}>
                    {inv.status === 'pending' ? (
                      <button type="button" className="small danger" onClick={() => void revoke(inv)} aria-label={`Revoke invitation for ${inv.email ?? 'a link'} as ${inv.role}`}>
                        Revoke
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Section>
  );
}
