import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { channelLimit } from './channel-limits.ts';
import { codePointLength } from './text-length.ts';

describe('channel limits (spec section 3)', () => {
  it('connection notes: 300 on paid seats, 200 on free seats, no subject', () => {
    expect(channelLimit('connection_request', { paid: true })).toEqual({ channel: 'connection_request', body: 300, subject: null });
    expect(channelLimit('connection_request', { paid: false })).toEqual({ channel: 'connection_request', body: 200, subject: null });
  });
  it('InMail: subject 200, body 1,900, whatever the seat', () => {
    for (const paid of [true, false]) expect(channelLimit('inmail', { paid })).toEqual({ channel: 'inmail', body: 1900, subject: 200 });
  });
  it('messages to 1st-degree connections are capped at 8,000', () => {
    expect(channelLimit('message', { paid: false }).body).toBe(8000);
  });
  it('email (spec silent): subject 200, body 8,000', () => {
    expect(channelLimit('email', { paid: true })).toEqual({ channel: 'email', body: 8000, subject: 200 });
  });
});

describe('codePointLength', () => {
  it('counts code points, not UTF-16 units: an emoji is one character', () => {
    expect(codePointLength('🚀')).toBe(1);
    expect('🚀'.length).toBe(2);
    expect(codePointLength('Zoë 李')).toBe(5);
  });
  it('equals the length of the code point array for any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => codePointLength(s) === [...s].length));
  });
  it('is additive under concatenation', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 20 }), (a, b) => codePointLength(a + b) === codePointLength(a) + codePointLength(b)));
  });
});
