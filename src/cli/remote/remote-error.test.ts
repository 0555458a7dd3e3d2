import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { errorCodes, exitStatusFor, type ErrorCode } from '../../core/error-codes.ts';
import { AppError } from '../../core/app-error.ts';
import { errorFromResponse } from './remote-error.ts';

const codes = Object.keys(errorCodes) as ErrorCode[];

describe('errorFromResponse', () => {
  it('keeps the code, message and details of the API error body, so the exit status is the local one (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.string({ minLength: 1 }), fc.option(fc.dictionary(fc.string(), fc.integer()), { nil: undefined }), (code, message, details) => {
        const body = new AppError(code, message, details).toJSON();
        const e = errorFromResponse(errorCodes[code].http, JSON.stringify(body));
        expect(e.code).toBe(code);
        expect(exitStatusFor(e.code)).toBe(errorCodes[code].exit);
        expect(e.message).toBe(message);
        expect(e.details).toEqual(details);
      }),
    );
  });

  it('names a body without our shape by its HTTP status', () => {
    expect(errorFromResponse(401, '<html>no</html>').code).toBe('unauthenticated');
    expect(errorFromResponse(403, '').code).toBe('forbidden');
    expect(errorFromResponse(404, 'Not Found').message).toBe('the server answered HTTP 404: Not Found');
    expect(errorFromResponse(502, 'Bad Gateway').code).toBe('upstream_error');
    expect(errorFromResponse(500, '{"error":{"code":"made_up","message":"x"}}').code).toBe('internal');
  });

  it('cuts the token out of whatever the server said (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), fc.string(), fc.string(), (tail, a, b) => {
        const token = `sl_tok_${tail}`;
        const e = errorFromResponse(401, JSON.stringify({ error: { code: 'unauthenticated', message: `${a}${token}${b}`, details: { echo: token } } }), token);
        expect(e.message).not.toContain(token);
        expect(JSON.stringify(e.details)).not.toContain(token);
      }),
    );
  });
});
