/**
 * The search a recruiter last ran in this tab (its URL: query, filters,
 * role, order), so "← Search" on a candidate page goes back to it rather
 * than to an empty search.
 */
const key = 'scoutline.lastSearch';

export function rememberSearch(url: string): void {
  try {
    sessionStorage.setItem(key, url);
  } catch {
    // storage off (private mode, quota): the link falls back to an empty search
  }
}

export function lastSearchUrl(): string {
  try {
    const url = sessionStorage.getItem(key);
    return url && url.startsWith('/search') ? url : '/search';
  } catch {
    return '/search';
  }
}
