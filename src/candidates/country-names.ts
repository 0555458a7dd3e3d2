/**
 * Country names in English from ISO 3166 alpha-2 codes and back, via the
 * ICU data Node ships with. JSON Resume carries `countryCode`; Scoutline
 * stores the name (what CSV exports and people write), and writes the code
 * back when exporting, so the two round-trip.
 */
let byCode: Map<string, string> | undefined;
let byName: Map<string, string> | undefined;

function tables(): { byCode: Map<string, string>; byName: Map<string, string> } {
  if (!byCode || !byName) {
    byCode = new Map();
    byName = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const A = 'A'.charCodeAt(0);
    for (let i = 0; i < 26; i++) {
      for (let j = 0; j < 26; j++) {
        const code = String.fromCharCode(A + i, A + j);
        let name: string | undefined;
        try {
          name = names.of(code);
        } catch {
          name = undefined;
        }
        if (!name || name === code) continue;
        byCode.set(code, name);
        if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), code);
      }
    }
  }
  return { byCode, byName };
}

/** 'DE' -> 'Germany'; anything that is not a known two-letter code comes back unchanged (trimmed). */
export function countryNameFromCode(codeOrName: string): string {
  const s = codeOrName.trim();
  if (/^[a-z]{2}$/i.test(s)) return tables().byCode.get(s.toUpperCase()) ?? s;
  return s;
}

/** 'Germany' -> 'DE'; undefined when the name is not a known country name. */
export function countryCodeFromName(name: string): string | undefined {
  return tables().byName.get(name.trim().toLowerCase());
}

export function isCountryName(name: string): boolean {
  return countryCodeFromName(name) !== undefined;
}
