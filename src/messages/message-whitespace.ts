/**
 * The whitespace normalisation every rendered message goes through before it
 * is counted, linted or queued: line endings become \n, runs of spaces and
 * tabs become one space, lines are trimmed, a space before , . ! ? ; : is
 * removed where that mark ends a phrase (left behind when an optional
 * segment is dropped), but not where it starts a word: "Senior .NET",
 * "the .env file", ":)" keep their space; at most one
 * blank line separates paragraphs, and the text is trimmed.
 */
export function normaliseMessageWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\f\v \u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.trim().replace(/ +([,.!?;:])(?=[\s,.!?;:"'\u2019\u201d]|$)/g, '$1'))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
