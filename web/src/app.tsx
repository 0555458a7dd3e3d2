import { useEffect, useRef } from 'react';
import { Link, match, useLocation } from './router.tsx';
import { SearchPage } from './pages/search-page.tsx';
import { PlaceholderPage } from './pages/placeholder-page.tsx';
import { CandidatePage } from './pages/candidate-page.tsx';
import { CreditsPage } from './pages/credits-page.tsx';
import { AnalyticsPage } from './pages/analytics-page.tsx';
import { CampaignsPage } from './pages/campaigns-page.tsx';
import { CampaignPage } from './pages/campaign-page.tsx';
import { TodayPage } from './pages/today-page.tsx';
import { ImportPage } from './pages/import-page.tsx';

const nav = [
  { to: '/search', label: 'Search' },
  { to: '/campaigns', label: 'Campaigns' },
  { to: '/today', label: 'Today' },
  { to: '/credits', label: 'Credits' },
  { to: '/analytics', label: 'Analytics' },
  { to: '/import', label: 'Import' },
] as const;

function route(path: string) {
  if (path === '/' || match('/search', path)) return <SearchPage />;
  const cand = match('/candidates/:id', path);
  if (cand) return <CandidatePage id={Number(cand.id)} />;
  if (match('/campaigns', path)) return <CampaignsPage />;
  const camp = match('/campaigns/:id', path);
  if (camp) return <CampaignPage id={camp.id} />;
  if (match('/today', path)) return <TodayPage />;
  if (match('/credits', path)) return <CreditsPage />;
  if (match('/analytics', path)) return <AnalyticsPage />;
  if (match('/import', path)) return <ImportPage />;
  return <PlaceholderPage title="Not found" text={`There is no page at ${path}.`} />;
}

export function App() {
  const { path } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const current = path === '/' ? '/search' : path;
  useEffect(() => {
    const label = nav.find((n) => current.startsWith(n.to))?.label;
    document.title = label ? `${label} · Scoutline` : 'Scoutline';
  }, [current]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/search" className="brand" aria-label="Scoutline home">
          Scoutline
        </Link>
        <nav aria-label="Main">
          <ul>
            {nav.map((n) => (
              <li key={n.to}>
                <Link to={n.to} aria-current={current.startsWith(n.to) ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {route(path)}
      </main>
    </>
  );
}
