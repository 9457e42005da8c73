import { describe, expect, it } from 'vitest';
import { formatCsv } from './csv.js';
import { renderProgress } from './progressBar.js';
import { formatTable } from './table.js';

describe('report output', () => {
  it('aligns text left and numbers right, with a dash for missing values', () => {
    expect(
      formatTable(
        ['rep', 'won'],
        [
          ['Ada', 1200],
          ['Grace', null],
        ],
      ),
    ).toBe('rep      won\n-----  -----\nAda    1,200\nGrace      —');
  });

  it('quotes CSV fields that hold commas, quotes or line breaks', () => {
    expect(
      formatCsv(
        ['name', 'note'],
        [
          ['Acme, Inc.', 'said "hi"'],
          ['Zoë', null],
        ],
      ),
    ).toBe('name,note\r\n"Acme, Inc.","said ""hi"""\r\nZoë,\r\n');
  });

  it('shows percentage, rate and time left in the progress line', () => {
    expect(renderProgress({ done: 250, total: 1000, unit: 'events' }, 1)).toBe(
      '[########......................]  25%  250/1,000 events  250 events/s  3s left',
    );
    expect(renderProgress({ done: 40, unit: 'events' }, 2)).toBe('40 events  20 events/s');
  });
});

describe('CSV cells a spreadsheet opens', () => {
  it('never start a formula: text beginning with = + - @ tab or CR gets an apostrophe, figures stay numbers', () => {
    expect(
      formatCsv(
        ['name', 'amount'],
        [
          ['=HYPERLINK("http://x")', '-12.50'],
          ['+1', -3],
          ['@SUM(A1)', '0.00'],
          ['\tcmd', null],
          ['-rep', null],
        ],
      ),
    ).toBe(
      'name,amount\r\n"\'=HYPERLINK(""http://x"")",-12.50\r\n\'+1,-3\r\n\'@SUM(A1),0.00\r\n\'\tcmd,\r\n\'-rep,\r\n',
    );
  });
});
