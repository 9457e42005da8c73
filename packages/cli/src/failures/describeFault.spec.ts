import { describe, expect, it } from 'vitest';
import { ExitCode } from '../exitCodes.js';
import { describeFault } from './describeFault.js';

const refused = (address: string, port: number) =>
  Object.assign(new Error(`connect ECONNREFUSED ${address}:${port}`), {
    code: 'ECONNREFUSED',
    address,
    port,
  });

describe('describing a failure to a user', () => {
  it('names the host and the cause of an unreachable server, with exit 3', () => {
    expect(describeFault(refused('127.0.0.1', 5999))).toEqual({
      message:
        'cannot reach 127.0.0.1:5999: ECONNREFUSED (is the server running, and the store URL right?)',
      exitCode: ExitCode.storeUnavailable,
    });
  });

  it('finds the network error a driver wrapped, one per address it tried', () => {
    const wrapped = new AggregateError([refused('::1', 5999), refused('127.0.0.1', 5999)], '');
    expect(describeFault(wrapped).message).toMatch(/^cannot reach ::1:5999: ECONNREFUSED/);
  });

  it("reads host and cause out of EventStoreDB's unavailable status", () => {
    const status = new Error(
      '14 UNAVAILABLE: No connection established. Last error: Error: connect ECONNREFUSED 127.0.0.1:5998. Resolution note: ',
    );
    expect(describeFault(status)).toEqual({
      message:
        'cannot reach 127.0.0.1:5998: ECONNREFUSED (is the server running, and the store URL right?)',
      exitCode: ExitCode.storeUnavailable,
    });
  });

  it('gives any other fault as its first line, without a stack trace unless asked', () => {
    const fault = new Error('disk I/O error\nmore detail');
    expect(describeFault(fault)).toEqual({ message: 'disk I/O error', exitCode: ExitCode.failed });
    expect(describeFault(fault, { CLIENTELE_DEBUG: '1' }).message).toContain('\n    at ');
  });
});
