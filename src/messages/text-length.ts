/**
 * Message length as LinkedIn counts it (spec section 3): Unicode code points
 * of the final rendered text, so an emoji or a CJK character is one, and a
 * UTF-16 surrogate pair is never counted twice.
 */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
