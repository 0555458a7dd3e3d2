/**
 * Canonical LinkedIn profile URL: https://www.linkedin.com/in/<slug>
 * lower-cased slug, no query, fragment, trailing slash, locale or country
 * sub-domain. Two imports of the same person must produce the same string, as
 * it is the first dedupe key. Non-LinkedIn URLs are kept, normalised lightly.
 */
export function canonicalProfileUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let s = raw.trim();
  if (!s) return null;
  if (!/^[a-z]+:\/\//i.test(s)) s = `https://${s}`;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  if (host === 'linkedin.com' || host.endsWith('.linkedin.com')) {
    const parts = url.pathname.split('/').filter(Boolean);
    const kind = parts[0]?.toLowerCase();
    if ((kind === 'in' || kind === 'pub' || kind === 'talent') && parts[1]) {
      let slug = parts[1];
      try {
        slug = decodeURIComponent(slug);
      } catch {
        /* keep raw slug */
      }
      return `https://www.linkedin.com/in/${encodeURIComponent(slug.toLowerCase())}`;
    }
    return `https://www.linkedin.com${url.pathname.replace(/\/+$/, '').toLowerCase()}`;
  }
  return `${url.protocol}//${host}${url.pathname.replace(/\/+$/, '')}`;
}

export function normaliseEmail(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ? s : null;
}
