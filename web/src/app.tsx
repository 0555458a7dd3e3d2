import { useEffect } from 'react';
import { setUnauthenticatedHandler } from './api-client.ts';
import { match, navigate, useLocation } from './router.tsx';
import { SearchPage } from './pages/search-page.tsx';
import { PlaceholderPage } from './pages/placeholder-page.tsx';
import { CandidatePage } from './pages/candidate-page.tsx';
import { CreditsPage } from './pages/credits-page.tsx';
import { AnalyticsPage } from './pages/analytics-page.tsx';
import { CampaignsPage } from './pages/campaigns-page.tsx';
import { CampaignPage } from './pages/campaign-page.tsx';
import { TodayPage } from './pages/today-page.tsx';
import { ImportPage } from './pages/import-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { ResetPasswordPage } from './pages/reset-password-page.tsx';
import { InvitePage } from './pages/invite-page.tsx';
import { AccountPage } from './pages/account-page.tsx';
import { MembersPage } from './pages/members-page.tsx';
import { TokensPage } from './pages/tokens-page.tsx';
import { AuditPage } from './pages/audit-page.tsx';
import { SettingsPage } from './pages/settings-page.tsx';
import { PrivacyPage } from './pages/privacy-page.tsx';
import { NoWorkspacePage } from './pages/no-workspace-page.tsx';
import { SessionProvider, useSessionLoader } from './session.tsx';
import { TopBar, mainNav } from './top-bar.tsx';
import { ErrorBanner, Loading } from './components.tsx';
import { isPublicPath, signInPathFor } from './sign-in-return.ts';

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
  if (match('/account', path)) return <AccountPage />;
  if (match('/members', path)) return <MembersPage />;
  if (match('/tokens', path)) return <TokensPage />;
  if (match('/audit', path)) return <AuditPage />;
  if (match('/settings', path)) return <SettingsPage />;
  if (match('/privacy', path)) return <PrivacyPage />;
  return <PlaceholderPage title="Not found" text={`There is no page at ${path}.`} />;
}

/** Pages for people who are not signed in (or are joining): no top bar, no session needed. */
function publicRoute(path: string) {
  if (match('/sign-in', path)) return <SignInPage />;
  if (match('/reset-password', path)) return <ResetPasswordPage />;
  const inv = match('/invite/:token', path);
  if (inv) return <InvitePage token={inv.token} />;
  return null;
}

export function App() {
  const { path } = useLocation();
  // any 401 from the API (the session ended) leads to the sign-in page, and back here afterwards
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (isPublicPath(window.location.pathname)) return;
      navigate(signInPathFor(window.location.pathname + window.location.search), true);
    });
    return () => setUnauthenticatedHandler(null);
  }, []);
  const open = publicRoute(path);
  if (open) return <main id="main" className="public-main">{open}</main>;
  return <SignedInApp path={path} />;
}

function SignedInApp({ path }: { path: string }) {
  const state = useSessionLoader();
  const current = path === '/' ? '/search' : path;
  useEffect(() => {
    const label = mainNav.find((n) => current.startsWith(n.to))?.label;
    document.title = label ? `${label} · Scoutline` : 'Scoutline';
  }, [current]);
  useEffect(() => {
    if (state.status === 'signed-out') navigate(signInPathFor(window.location.pathname + window.location.search), true);
  }, [state.status]);
  if (state.status === 'loading' || state.status === 'signed-out')
    return (
      <main id="main" className="public-main">
        <Loading />
      </main>
    );
  if (state.status === 'error')
    return (
      <main id="main" className="public-main">
        <ErrorBanner error={state.error} />
      </main>
    );
  const { session } = state;
  const needsWorkspace = !session.me.workspace && !match('/account', path);
  return (
    <SessionProvider session={session}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <TopBar current={current} />
      {/* a new workspace re-mounts every page, so each reads its data from the new workspace */}
      <main id="main" tabIndex={-1} key={session.version}>
        {needsWorkspace ? <NoWorkspacePage /> : route(path)}
      </main>
    </SessionProvider>
  );
}
