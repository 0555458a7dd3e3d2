import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCandidateList } from './candidate-list.ts';

describe('parseCandidateList', () => {
  it('reads a JSON array of ids and numeric strings', () => {
    expect(parseCandidateList('[1, "2", {"id": 3}]')).toEqual([{ kind: 'id', id: 1 }, { kind: 'id', id: 2 }, { kind: 'id', id: 3 }]);
  });
  it('reads NDJSON of candidate objects, keeping an id', () => {
    const list = parseCandidateList('{"firstName":"Ana","skills":["Go"]}\n\n{"id":9,"firstName":"Bo","positions":[{"title":"Dev","company":"Acme"}]}\n');
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ kind: 'profile', candidate: { firstName: 'Ana', skills: ['Go'] } });
    expect(list[1]).toMatchObject({ kind: 'profile', candidate: { id: 9, firstName: 'Bo', positions: [{ company: 'Acme', end: null }] } });
  });
  it('accepts the JSON of `candidates list --json` and `search --json`', () => {
    expect(parseCandidateList('{"total":1,"results":[{"id":4,"name":"A","headline":"","location":"","profileUrl":null,"score":1,"matched":{}}]}')).toEqual([{ kind: 'id', id: 4 }]);
    expect(parseCandidateList('{"total":1,"candidates":[{"firstName":"Ana"}]}')[0]).toMatchObject({ kind: 'profile' });
  });
  it('names the bad line or item', () => {
    expect(() => parseCandidateList('1\nnot json', 'f.ndjson')).toThrow(/f.ndjson: line 2/);
    expect(() => parseCandidateList('[1, true]', 'f.json')).toThrow(/item 2/);
    expect(() => parseCandidateList('[-3]', 'f.json')).toThrow(/item 1/);
  });
  it('every positive id list round-trips', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 2 ** 40 })), (ids) => {
      expect(parseCandidateList(JSON.stringify(ids))).toEqual(ids.map((id) => ({ kind: 'id', id })));
      expect(parseCandidateList(ids.join('\n'))).toEqual(ids.map((id) => ({ kind: 'id', id })));
    }));
  });
});
