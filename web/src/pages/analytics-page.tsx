import { useState } from 'react';
import { call, client } from '../api-client.ts';
import { Empty, ErrorBanner, Loading, Section, money, pct } from '../components.tsx';
import { RateBars } from '../charts.tsx';
import { channelName } from '../channel-names.ts';
import { useApi } from '../use-api.ts';
import { outreachApi } from '../outreach-api.ts';

const analytics = client.api.analytics;

export function AnalyticsPage() {
  const [campaign, setCampaign] = useState('');
  const campaigns = useApi((signal) => outreachApi.listCampaigns(signal), []);
  const query = campaign ? { campaign } : {};
  const init = (signal: AbortSignal) => ({ init: { signal } });
  const channels = useApi((signal) => call(analytics.channels.$get({ query }, init(signal))), [campaign]);
  const weekday = useApi((signal) => call(analytics.weekday.$get({ query }, init(signal))), [campaign]);
  const length = useApi((signal) => call(analytics.length.$get({ query }, init(signal))), [campaign]);
  const variants = useApi((signal) => call(analytics.variants.$get({ query }, init(signal))), [campaign]);
  const funnel = useApi((signal) => call(analytics.funnel.$get({ query }, init(signal))), [campaign]);

  const ch = channels.data?.channels ?? [];
  const nothing = !channels.loading && ch.every((c) => c.sent === 0);
  return (
    <div className="page">
      <h1>Analytics</h1>
      <div className="filters">
        <div className="field">
          <label htmlFor="an-campaign">Campaign</label>
          <select id="an-campaign" value={campaign} onChange={(e) => setCampaign(e.target.value)}>
            <option value="">all campaigns</option>
            {(campaigns.data?.campaigns ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorBanner error={channels.error ?? weekday.error ?? length.error ?? variants.error ?? funnel.error} />
      {nothing ? <Empty>No outreach recorded yet. Launch a campaign and mark tasks done on the Today page; results appear here.</Empty> : null}
      <Section title="Channels" id="an-channels">
        {channels.loading && !channels.data ? (
          <Loading />
        ) : ch.length === 0 ? (
          <p className="muted">No sends yet.</p>
        ) : (
          <div className="grid-2">
            <RateBars
              data={ch.map((c) => ({ ...c, name: channelName(c.channel) }))}
              x="name"
              bars={[
                { key: 'acceptanceRate', name: 'acceptance rate' },
                { key: 'replyRate', name: 'reply rate' },
              ]}
              label="Acceptance and reply rate by channel"
            />
            <div className="table-wrap">
              <table aria-label="Channel comparison">
                <thead>
                  <tr>
                    <th>Channel</th>
                    <th className="num">Sent</th>
                    <th className="num">Accepted</th>
                    <th className="num">Replied</th>
                    <th className="num">Reply rate</th>
                    <th className="num">Credits (net)</th>
                    <th className="num">Cost / reply</th>
                  </tr>
                </thead>
                <tbody>
                  {ch.map((c) => (
                    <tr key={c.channel}>
                      <td>{channelName(c.channel)}</td>
                      <td className="num">{c.sent}</td>
                      <td className="num">{c.channel === 'connection_request' ? `${c.accepted} (${pct(c.acceptanceRate)})` : '–'}</td>
                      <td className="num">{c.replied}</td>
                      <td className="num">{pct(c.replyRate, 1)}</td>
                      <td className="num">{c.creditsSpent ? `${c.creditsSpent - c.creditsRefunded}` : '–'}</td>
                      <td className="num">{c.costPerReply === null ? '–' : money(c.costPerReply)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </Section>
      <div className="grid-2">
        <Section title="Reply rate by weekday of send" id="an-weekday">
          {weekday.data && weekday.data.weekdays.every((d) => d.sent === 0) ? (
            <p className="muted">No messages counted for this chart yet.</p>
          ) : weekday.data ? <RateBars data={weekday.data.weekdays} x="label" bars={[{ key: 'replyRate', name: 'reply rate' }]} label="Reply rate by weekday" /> : <Loading />}
        </Section>
        <Section title="Reply rate by message length" id="an-length">
          {length.data && length.data.buckets.every((b) => b.sent === 0) ? (
            <p className="muted">No messages counted for this chart yet.</p>
          ) : length.data ? (
            <RateBars data={length.data.buckets.map((b) => ({ ...b, name: `${b.bucket} chars` }))} x="name" bars={[{ key: 'replyRate', name: 'reply rate' }]} label="Reply rate by message length" />
          ) : (
            <Loading />
          )}
        </Section>
      </div>
      <Section title="A/B variants" id="an-variants">
        {(variants.data?.variants ?? []).length === 0 ? (
          <p className="muted">No variants sent yet. Give a sequence step two or more template variants to compare them.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Step</th>
                  <th>Variant</th>
                  <th className="num">Sent</th>
                  <th className="num">Acceptance</th>
                  <th className="num">Replies</th>
                  <th className="num">Reply rate</th>
                </tr>
              </thead>
              <tbody>
                {variants.data!.variants.map((v) => (
                  <tr key={`${v.campaignId}-${v.stepKey}-${v.variant}`}>
                    <td>
                      {v.stepKey} <span className="muted small">({channelName(v.channel)})</span>
                    </td>
                    <td>{v.variant}</td>
                    <td className="num">{v.sent}</td>
                    <td className="num">{pct(v.acceptanceRate)}</td>
                    <td className="num">{v.replied}</td>
                    <td className="num">{pct(v.replyRate, 1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <Section title="Funnel" id="an-funnel">
        {(funnel.data?.campaigns ?? []).length === 0 ? (
          <p className="muted">No campaigns with enrolled candidates yet.</p>
        ) : (
          funnel.data!.campaigns.map((c) => (
            <div key={c.campaignId} className="funnel">
              <h3>{c.name}</h3>
              <ol className="funnel-stages">
                {c.stages.map((s) => (
                  <li key={s.key}>
                    <span className="stat-value">{s.count}</span>
                    <span className="muted small">
                      {s.label}
                      {s.rate !== null ? ` · ${pct(s.rate)}` : ''}
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          ))
        )}
      </Section>
    </div>
  );
}
