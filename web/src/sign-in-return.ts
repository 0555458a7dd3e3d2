/** Pages reachable without a session: a 401 there is expected, not a reason to leave. */
export function isPublicPath(path: string): boolean {
  return path === '/sign-in' || path === '/reset-password' || path.startsWith('/invite/');
}

/** Where to go after signing in: only a path of this app (never another site, never back to sign-in or a reset link; an invitation, yes). */
export function safeReturnPath(next: string | null | undefined): string {
  // a URL parser drops tabs and newlines and reads a backslash as a slash: '/\t/evil.example' is another site
  if (!next || !next.startsWith('/') || next.startsWith('//') || /[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  const path = next.split('?')[0]!;
  if (path === '/sign-in' || path === '/reset-password') return '/';
  return next;
}

/** The sign-in page that returns to `here` afterwards. */
export function signInPathFor(here: string): string {
  const back = safeReturnPath(here);
  return back === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(back)}`;
}
