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
