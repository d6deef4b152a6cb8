import { describe, expect, it } from 'vitest';
import { splitCodeSpans } from '../../../../src/core/lib/split-code-spans';

describe('splitCodeSpans', () => {
  it('cuts a note into text and Markdown code spans, without the backticks', () => {
    expect(splitCodeSpans('runs after `npm start` or `npm run server`; sign in')).toEqual([
      { text: 'runs after ' },
      { text: 'npm start', code: true },
      { text: ' or ' },
      { text: 'npm run server', code: true },
      { text: '; sign in' },
    ]);
  });

  it('keeps a note without code spans as one text', () => {
    expect(splitCodeSpans('An authorisation code expires after 15 minutes.')).toEqual([{ text: 'An authorisation code expires after 15 minutes.' }]);
    expect(splitCodeSpans('')).toEqual([{ text: '' }]);
  });

  it('leaves an unpaired backtick, an empty span and a span across lines as text', () => {
    expect(splitCodeSpans('it`s')).toEqual([{ text: 'it`s' }]);
    expect(splitCodeSpans('a `` b')).toEqual([{ text: 'a `` b' }]);
    expect(splitCodeSpans('`a\nb`')).toEqual([{ text: '`a\nb`' }]);
  });

  it('reads markup inside a span as text: nothing here is HTML', () => {
    expect(splitCodeSpans('`<img src=x onerror=alert(1)>`')).toEqual([{ text: '<img src=x onerror=alert(1)>', code: true }]);
  });

  it('gives nothing for what is no text', () => {
    expect(splitCodeSpans(undefined)).toEqual([]);
    expect(splitCodeSpans({ toString: () => '`x`' })).toEqual([]);
  });
});
