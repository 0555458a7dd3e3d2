/**
 * Where and why a text is not JSON (RFC 8259, as JSON.parse reads it), for
 * error messages that point at the spot: JSON.parse's own messages name no
 * position for most mistakes and quote the body. Iterative, so a deeply
 * nested body cannot overflow the stack. Pure; null when the text is JSON.
 */
export interface JsonSyntaxError {
  /** index into the text (UTF-16 code units) where reading stopped */
  position: number;
  /** 1-based */
  line: number;
  /** 1-based, in characters from the start of the line */
  column: number;
  reason: string;
}

const isWs = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

export function positionOf(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}

/** A character as a message shows it: printable ones quoted, others as U+XXXX. */
function shown(text: string, i: number): string {
  const cp = text.codePointAt(i)!;
  return cp > 32 && cp < 127 ? `'${String.fromCodePoint(cp)}'` : `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  const n = text.length;
  let i = 0;
  const stack: number[] = []; // 123 '{' or 91 '['
  const fail = (reason: string, at = i): JsonSyntaxError => {
    const position = Math.min(at, n);
    return { position, ...positionOf(text, position), reason };
  };
  const ws = () => {
    while (i < n && isWs(text.charCodeAt(i))) i++;
  };
  const string = (): JsonSyntaxError | null => {
    const start = i;
    i++; // the opening quote
    for (;;) {
      if (i >= n) return fail(`unexpected end of input: the string starting at line ${positionOf(text, start).line}, column ${positionOf(text, start).column} is not closed`);
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return null;
      }
      if (c < 32) return fail(`control character ${shown(text, i)} inside a string (write it as an escape such as \\n)`);
      if (c === 92) {
        const e = text.charCodeAt(i + 1);
        if (i + 1 >= n) return fail('unexpected end of input after a backslash in a string', i + 1);
        if (e === 117) {
          for (let k = 2; k < 6; k++) if (i + k >= n || !isHex(text.charCodeAt(i + k))) return fail('\\u must be followed by four hex digits', i + k);
          i += 6;
          continue;
        }
        if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
          i += 2;
          continue;
        }
        return fail(`bad escape \\${text[i + 1]} in a string`, i + 1);
      }
      i++;
    }
  };
  const number = (): JsonSyntaxError | null => {
    if (text.charCodeAt(i) === 45) i++;
    if (i >= n || !isDigit(text.charCodeAt(i))) return fail('a number needs a digit here');
    if (text.charCodeAt(i) === 48) i++;
    else while (i < n && isDigit(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 46) {
      i++;
      if (!isDigit(text.charCodeAt(i))) return fail('a number needs a digit after the decimal point');
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    if (text.charCodeAt(i) === 101 || text.charCodeAt(i) === 69) {
      i++;
      if (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45) i++;
      if (!isDigit(text.charCodeAt(i))) return fail('a number needs a digit in its exponent');
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    return null;
  };
  /** after '{' or ',' in an object: a property name and its colon */
  const member = (): JsonSyntaxError | null => {
    ws();
    if (i >= n) return fail('unexpected end of input: a property name is missing');
    if (text.charCodeAt(i) !== 34) return fail(`expected a property name in double quotes, found ${shown(text, i)}`);
    const e = string();
    if (e) return e;
    ws();
    if (i >= n) return fail("unexpected end of input: expected ':' after the property name");
    if (text.charCodeAt(i) !== 58) return fail(`expected ':' after the property name, found ${shown(text, i)}`);
    i++;
    return null;
  };

  for (;;) {
    // a value is expected here
    ws();
    if (i >= n) return fail(stack.length === 0 && text.trim() === '' ? 'the body is empty: a JSON value is missing' : 'unexpected end of input: a value is missing');
    const c = text.charCodeAt(i);
    if (c === 123) {
      i++;
      ws();
      if (text.charCodeAt(i) === 125) i++;
      else {
        stack.push(123);
        const e = member();
        if (e) return e;
        continue;
      }
    } else if (c === 91) {
      i++;
      ws();
      if (text.charCodeAt(i) === 93) i++;
      else {
        stack.push(91);
        continue;
      }
    } else if (c === 34) {
      const e = string();
      if (e) return e;
    } else if (c === 45 || isDigit(c)) {
      const e = number();
      if (e) return e;
    } else if (text.startsWith('true', i)) i += 4;
    else if (text.startsWith('false', i)) i += 5;
    else if (text.startsWith('null', i)) i += 4;
    else return fail(`unexpected ${shown(text, i)} where a value should start`);

    // a value has ended: close containers, or go on after a comma
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? fail(`unexpected ${shown(text, i)} after the end of the JSON value`) : null;
      if (i >= n) return fail(`unexpected end of input: ${top === 123 ? "an object is not closed with '}'" : "an array is not closed with ']'"}`);
      const d = text.charCodeAt(i);
      if (d === 44) {
        i++;
        if (top === 123) {
          const e = member();
          if (e) return e;
        }
        break;
      }
      if (d === (top === 123 ? 125 : 93)) {
        i++;
        stack.pop();
        continue;
      }
      return fail(`expected ',' or '${top === 123 ? '}' : ']'}', found ${shown(text, i)}`);
    }
  }
}
