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
  // importers refuse other schemes with a reason (profileUrlProblem); whatever else calls this never keeps one
  if (profileUrlProblem(s) !== null) return null;
  if (!/^[a-z]+:\/\//i.test(s)) s = `https://${s}`;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  // 'N/A', 'none', '-': no dot, no web address; as a dedupe key it would merge everyone who has it
  if (!host.includes('.')) return null;
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

/**
 * Why a profile URL or website cannot be kept, or null: only http and https
 * addresses (with or without the scheme written) are links. A `javascript:`
 * or `data:` value shown as a link on the candidate page would run script;
 * `mailto:`, `ftp:` and the like are not profiles. Tabs and line breaks are
 * ignored as browsers ignore them (`java\nscript:` is `javascript:`), and
 * `host:port/...` is an address without a scheme, not a scheme.
 */
export function profileUrlProblem(raw: string): string | null {
  // eslint-disable-next-line no-control-regex
  const s = raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const m = /^([a-z][a-z0-9+.-]*):(?!\d+(?:[/?#]|$))/i.exec(s);
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return null;
  return `'${shorten(raw.trim())}' is not a web address (a ${scheme}: link; only http and https are kept)`;
}

function shorten(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

export function normaliseEmail(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ? s : null;
}
