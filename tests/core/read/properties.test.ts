/** Properties (fast-check): bad input never breaks a reading, and what formatReading writes reads back. */
import fc from 'fast-check';
import { BASE_UNITS, formatReading, readCell, readRow } from '../../../src/core/read';
import type { Reading } from '../../../src/core/types';

/** A reading's value is a finite number or null; never NaN or Infinity. */
function isSound(reading: Reading): boolean {
  return (reading.value === null || Number.isFinite(reading.value)) && typeof reading.raw === 'string';
}

/** Characters the rules care about, so random strings reach deep into every parser. */
const TRICKY = [
  ...'0123456789０１２３４５６７８９.,，．△▲-−－+%％‰※①⑳万億千百十兆人件回箇所か所カ所ha㎡m²円年度HRFY元平成令和()（）【】 \u3000\t\n満歳まで小中高の以上延べ/有無拡充継続廃止—―‐ー…<>&"\'\\\u0000\u200b🎌',
];
const trickyString = fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 40 });

describe('readCell never throws and never yields NaN or Infinity', () => {
  it('for any string of code points (lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (value) => isSound(readCell({ value }))),
      { numRuns: 2000 },
    );
  });

  it('for any string of graphemes (emoji, combining marks)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (value) => isSound(readCell({ value }))),
      {
        numRuns: 1000,
      },
    );
  });

  it('for strings made of the characters the rules look for', () => {
    fc.assert(
      fc.property(trickyString, (value) => isSound(readCell({ value }))),
      { numRuns: 5000 },
    );
  });

  it('for very long strings', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...TRICKY), minLength: 1000, maxLength: 5000 }),
        (value) => isSound(readCell({ value })),
      ),
      { numRuns: 50 },
    );
  });

  it('for any number with any number format and display text', () => {
    const format = fc.oneof(
      fc.constantFrom(
        'General',
        '0%',
        '0.0%',
        '#,##0"人"',
        '#,##0,"千円"',
        '0.0"万人"',
        '0"%"',
        '@',
        '',
        ';;;',
        '"',
      ),
      fc.string({ maxLength: 20 }),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(
        fc.double(),
        format,
        fc.option(trickyString, { nil: undefined }),
        (value, numberFormat, text) => isSound(readCell({ value, numberFormat, text })),
      ),
      { numRuns: 3000 },
    );
  });

  it('readRow keeps every reading sound and the row the same length', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(trickyString, fc.double()), { maxLength: 10 }),
        trickyString,
        (values, name) => {
          const row = readRow(
            values.map((value) => readCell({ value })),
            { name },
          );
          return row.readings.length === values.length && row.readings.every(isSound);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('formatting a number with a unit and reading it back gives the same reading', () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
  const unit = fc.constantFrom(...BASE_UNITS.filter((base) => base !== '%'), '');

  it('a number reading with any catalogue unit', () => {
    fc.assert(
      fc.property(finite, unit, (value, base) => {
        const written = formatReading({ kind: 'number', value, unit: base, raw: '' });
        const back = readCell({ value: written });
        expect(back).toMatchObject({ kind: 'number', value: value === 0 ? 0 : value, unit: base });
      }),
      { numRuns: 3000 },
    );
  });

  it('a percent reading, with or without a qualifier', () => {
    const qualifier = fc.constantFrom(undefined, '希望者の', '以上', '約');
    fc.assert(
      fc.property(finite, qualifier, (value, words) => {
        const reading: Reading = {
          kind: 'percent',
          value,
          unit: '%',
          raw: '',
          ...(words ? { qualifier: words } : {}),
        };
        const back = readCell({ value: formatReading(reading) });
        expect(back).toMatchObject({ kind: 'percent', value: value === 0 ? 0 : value, unit: '%' });
        expect(back.qualifier).toBe(words);
      }),
      { numRuns: 2000 },
    );
  });

  it('a numeric cell with a unit format, written as the sheet shows it and read back as text', () => {
    fc.assert(
      fc.property(finite, unit, (value, base) => {
        const cell = readCell({ value, numberFormat: base === '' ? 'General' : `#,##0"${base}"` });
        const back = readCell({ value: formatReading(cell) });
        expect(back).toMatchObject({ kind: cell.kind, value: cell.value, unit: cell.unit });
      }),
      { numRuns: 2000 },
    );
  });

  it('a numeric cell with a % format', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e10, max: 1e10 }), (value) => {
        const cell = readCell({ value, numberFormat: '0.0%' });
        const back = readCell({ value: formatReading(cell) });
        expect(back).toMatchObject({ kind: 'percent', value: cell.value, unit: '%' });
      }),
      { numRuns: 2000 },
    );
  });
});
