import type { AccessLevel } from './access-level.ts';

export interface MatchedPolicy {
  /** the table key, e.g. 'POST /api/campaigns/{id}/launch' */
  route: string;
  level: AccessLevel;
  params: Record<string, string>;
}

interface CompiledPolicy {
  route: string;
  method: string;
  pattern: RegExp;
  names: string[];
  level: AccessLevel;
  /** literal segments win over parameters: '/api/roles/extract' before '/api/roles/{id}' */
  literalChars: number;
}

/** Compiles the policy table once; `match` then finds the policy of a request (or null: refuse). */
export function compileRoutePolicies(table: Record<string, AccessLevel>): (method: string, path: string) => MatchedPolicy | null {
  const compiled: CompiledPolicy[] = Object.entries(table).map(([route, level]) => {
    const [method, template] = route.split(' ', 2) as [string, string];
    const names: string[] = [];
    const source = template
      .split('/')
      .map((seg) => {
        const m = /^\{(\w+)\}$/.exec(seg);
        if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(m[1]!);
        return '([^/]+)';
      })
      .join('/');
    return { route, method, pattern: new RegExp(`^${source}/?$`), names, level, literalChars: template.replace(/\{\w+\}/g, '').length };
  });
  compiled.sort((a, b) => b.literalChars - a.literalChars);
  return (method, path) => {
    const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
    for (const p of compiled) {
      if (p.method !== m) continue;
      const hit = p.pattern.exec(path);
      if (!hit) continue;
      const params: Record<string, string> = {};
      p.names.forEach((n, i) => {
        params[n] = safeDecode(hit[i + 1]!);
      });
      return { route: p.route, level: p.level, params };
    }
    return null;
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
