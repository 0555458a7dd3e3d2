/**
 * `openProfile:true` in a search query: a filter, not a text term, so Open
 * Profile members (free to InMail) can be pulled in bulk. It is accepted as
 * one of the top-level AND-ed parts of the query (`java openProfile:true`,
 * `openProfile:true AND title:engineer`) and removed from the text the
 * search engine sees. `openProfile:false` keeps only the others.
 */
export function splitOpenProfileFilter(query: string): { query: string; openProfile: boolean | undefined } {
  let openProfile: boolean | undefined;
  const re = /(^|\s|\()(?:AND\s+)?openprofile:(true|false)(?:\s+AND)?(?=\s|\)|$)/gi;
  const stripped = query.replace(re, (_m, lead: string, v: string) => {
    openProfile = v.toLowerCase() === 'true';
    return lead;
  });
  if (openProfile === undefined) return { query: query.trim(), openProfile };
  const cleaned = stripped
    .replace(/^\s*AND\s+/, '')
    .replace(/\s+AND\s*$/, '')
    .replace(/\(\s*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { query: cleaned, openProfile };
}
