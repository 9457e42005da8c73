import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reportCsvTable } from './reportCsv.js';
import { codeLabel, displayRow, displayValue } from './cellDisplay.js';
import { decimalAmount, formatMoney } from './figures.js';
import type { Report } from './report.js';
import { column } from './report.js';

const report = (rows: Report['rows']): Report => ({
  name: 'roi',
  title: 'Campaign ROI',
  asOf: '2026-03-31',
  columns: [
    column('text', 'campaign', 'campaign', 'name'),
    column('count', 'leads', 'leads', 'leads'),
    column('money', 'wonRevenue', 'won revenue', 'revenue'),
    column('percent', 'roiPercent', 'ROI', { description: 'roi', byCurrency: true }),
  ],
  rows,
  totalColumns: [],
  totals: {},
});

describe('report cells', () => {
  it('show codes as people say them', () => {
    expect(codeLabel('needsAnalysis')).toBe('needs analysis');
    expect(codeLabel('bestCase')).toBe('best case');
    expect(codeLabel('call_centre')).toBe('call centre');
  });

  it('show money with its currency and two decimals, days as days, ratios as percentages', () => {
    expect(formatMoney({ EUR: 9_750_000, USD: 1_000 })).toBe('EUR 97,500.00; USD 10.00');
    expect(formatMoney({ EUR: -5 })).toBe('EUR -0.05');
    expect(formatMoney({})).toBe('0.00');
    expect(displayValue(column('days', 'd', 'd', 'd'), 186.9)).toBe('186.9 days');
    expect(displayValue(column('percent', 'p', 'p', 'p'), 45.1)).toBe('45.10%');
    expect(
      displayValue(column('days', 'd', 'd', { description: 'd', byCurrency: true }), { EUR: 3 }),
    ).toBe('3.0 days');
    expect(displayValue(column('code', 'c', 'c', 'c'), 'bestCase')).toBe('best case');
  });

  it('fall back to the id where a name is not shown', () => {
    const columns = [
      column('text', 'customerId', 'id', { description: 'id', machineOnly: true }),
      column('text', 'customerName', 'customer', {
        description: 'name',
        nullable: true,
        fallbackKey: 'customerId',
      }),
    ];
    expect(displayRow(columns, { customerId: 'c-1', customerName: null })).toEqual(['c-1']);
    expect(displayRow(columns, { customerId: 'c-1', customerName: 'Acme' })).toEqual(['Acme']);
  });

  it('write minor units as a decimal with a dot and no separators, exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (minor) => {
        const text = decimalAmount(minor, 'EUR');
        expect(text).toMatch(/^-?\d+\.\d{2}$/);
        expect(Math.round(Number(text) * 100)).toBe(minor);
      }),
    );
    expect(decimalAmount(1234, 'JPY')).toBe('1234');
  });
});

describe('a report as CSV', () => {
  it('puts each currency on its own line with the currency in its own column', () => {
    const table = reportCsvTable(
      report([
        {
          campaign: 'Fair',
          leads: 3,
          wonRevenue: { USD: 100, EUR: 250 },
          roiPercent: { EUR: 12.5 },
        },
        { campaign: 'Web', leads: 0, wonRevenue: {}, roiPercent: {} },
      ]),
    );
    expect(table.header).toEqual(['campaign', 'leads', 'currency', 'wonRevenue', 'roiPercent']);
    expect(table.rows).toEqual([
      ['Fair', 3, 'EUR', '2.50', 12.5],
      ['Fair', 3, 'USD', '1.00', null],
      ['Web', 0, null, null, null],
    ]);
  });
});
