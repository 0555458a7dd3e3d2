import { useState } from 'react';
import { errorMessage } from '../api-client.ts';
import { accountApi } from '../account-api.ts';
import { Notice, ActionForm } from '../form-parts.tsx';
import { useSession } from '../session.tsx';

/** Signed in but in no workspace (removed from the last one): ask for an invitation, or start a workspace. */
export function NoWorkspacePage() {
  const { switched } = useSession();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    setError(null);
    try {
      await accountApi.createWorkspace(name.trim());
      await switched();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <div className="page narrow-page">
      <h1>No workspace yet</h1>
      <p>You are not a member of any workspace. Ask an admin of your team for an invitation link, or start a workspace of your own.</p>
      <ActionForm onSubmit={create} label="New workspace">
        <div className="field grow">
          <label htmlFor="nw-name">Workspace name</label>
          <input id="nw-name" type="text" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <button type="submit" className="primary" disabled={!name.trim()}>
            Create workspace
          </button>
        </div>
      </ActionForm>
      <Notice message={error} />
    </div>
  );
}
