import { describe, expect, it } from 'vitest';
import { encodingChoices, encodingNote, mapLines, uploadTypeOf } from './import-page.tsx';

describe('import page: how a file is sent', () => {
  it('takes the format and content type from the file name unless one is chosen', () => {
    expect(uploadTypeOf('recruiter-export.CSV', 'auto')).toEqual({ format: 'csv', contentType: 'text/csv' });
    expect(uploadTypeOf('people.ndjson', 'auto')).toEqual({ format: 'jsonresume', contentType: 'application/x-ndjson' });
    expect(uploadTypeOf('people.jsonl', 'auto')).toEqual({ format: 'jsonresume', contentType: 'application/x-ndjson' });
    expect(uploadTypeOf('resume.json', 'auto')).toEqual({ format: 'jsonresume', contentType: 'application/json' });
    // an unknown name: the server sniffs the first character
    expect(uploadTypeOf('export.txt', 'auto')).toEqual({ format: undefined, contentType: 'application/octet-stream' });
    // a chosen format wins over the name
    expect(uploadTypeOf('export.txt', 'csv')).toEqual({ format: 'csv', contentType: 'text/csv' });
    expect(uploadTypeOf('people.ndjson', 'jsonresume')).toEqual({ format: 'jsonresume', contentType: 'application/x-ndjson' });
  });

  it('reads one Column=field per line, blank lines and spaces around them ignored', () => {
    expect(mapLines(' Job=currentTitle \n\nNotes=-\n')).toEqual(['Job=currentTitle', 'Notes=-']);
    expect(mapLines('')).toEqual([]);
  });

  it('says which encoding the file was read with, and suggests choosing one when it was guessed', () => {
    expect(encodingNote(undefined)).toBe('');
    expect(encodingNote({ name: 'utf-8', detected: true, how: 'utf-8' })).toBe('Read as utf-8 (detected).');
    expect(encodingNote({ name: 'windows-1252', detected: false, how: 'given' })).toBe('Read as windows-1252, as chosen.');
    expect(encodingNote({ name: 'windows-1252', detected: true, how: 'guessed' })).toMatch(/guessed\. If names look wrong, choose the encoding/);
    // every choice but 'auto' is an encoding name the server knows
    for (const [value] of encodingChoices.slice(1)) expect(new TextDecoder(value).encoding).toBe(value);
  });
});
