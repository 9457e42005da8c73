import { describe, expect, it } from 'vitest';
import { renderExportFile } from './exportFile.js';

describe('the customer export file', () => {
  it('opens in a spreadsheet as text: a name or tag that looks like a formula is neutralized', () => {
    const csv = renderExportFile(
      [
        {
          customerId: 'c-1',
          kind: 'company',
          status: 'active',
          name: '=HYPERLINK("http://evil.example","Acme")',
          emails: [],
          phones: ['+49 30 1234'],
          industry: null,
          region: null,
          source: null,
          segment: null,
          tags: ['@risk'],
          ownerId: null,
        },
      ],
      'csv',
    );
    expect(csv.split('\r\n')[1]).toBe(
      'c-1,company,active,"\'=HYPERLINK(""http://evil.example"",""Acme"")",,\'+49 30 1234,,,,,\'@risk,',
    );
  });
});
