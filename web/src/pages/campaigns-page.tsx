import { useState } from 'react';
import { Empty, ErrorBanner, Loading, day } from '../components.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { outreachApi } from '../outreach-api.ts';
import { statusTone } from '../campaign/campaign-labels.ts';
import { NewCampaignForm } from '../campaign/new-campaign-form.tsx';
import { RoleNote, usePermit } from '../session.tsx';

export function CampaignsPage() {
  const list = useApi((signal) => outreachApi.listCampaigns(signal), []);
  const [creating, setCreating] = useState(false);
  const canCreate = usePermit('POST /api/campaigns');
  const campaigns = list.data?.campaigns ?? [];
  return (
    <div className="page">
      <h1>
        Campaigns
        {!creating ? (
          <button type="button" className="primary small" disabled={!canCreate.allowed} title={canCreate.reason ?? undefined} onClick={() => setCreating(true)}>
            New campaign
          </button>
        ) : null}
      </h1>
      <RoleNote permit={canCreate} />
      {creating && canCreate.allowed ? <NewCampaignForm onCancel={() => setCreating(false)} /> : null}
      <ErrorBanner error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : campaigns.length === 0 ? (
        <Empty>
          No campaigns yet. Run a <Link to="/search">search</Link>, select candidates and add them to a campaign, or create one from a query.
        </Empty>
      ) : (
        <div className="table-wrap card">
          <table aria-label="Campaigns">
            <thead>
              <tr>
                <th>Name</th>
                <th>Status</th>
                <th className="num">Candidates</th>
                <th>Progress</th>
                <th>Seats</th>
                <th>Created</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/campaigns/${encodeURIComponent(c.id)}`}>{c.name}</Link>
                  </td>
                  <td>
                    <span className={`badge status ${statusTone(c.status)}`}>{c.status}</span>
                  </td>
                  <td className="num">{c.enrollments}</td>
                  <td className="small">
                    {Object.entries(c.byState ?? {})
                      .filter(([, n]) => n > 0)
                      .map(([s, n]) => `${n} ${s}`)
                      .join(' · ') || '–'}
                  </td>
                  <td className="small">{c.seatIds.join(', ')}</td>
                  <td className="nowrap">{day(c.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
