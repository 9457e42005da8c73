import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../exitCodes.js';
import { recordingIo } from '../../test/support/recordingIo.js';
import { commandActor, parseActor, refuseActor, resolveActor } from './commandLineActor.js';

describe('the actor on the command line', () => {
  it('reads ID:ROLE, taking the role after the last colon', () => {
    expect(parseActor('rep-ada:sales_rep', '--actor')).toEqual(
      E.right({ id: 'rep-ada', role: 'sales_rep' }),
    );
    expect(parseActor('sso:ada@example.com:auditor', '--actor')).toEqual(
      E.right({ id: 'sso:ada@example.com', role: 'auditor' }),
    );
  });

  it('takes a role the tenant may have defined, and leaves whether it exists to the tenant’s policy', () => {
    expect(parseActor('rep-ada:key_account_lead', '--actor')).toEqual(
      E.right({ id: 'rep-ada', role: 'key_account_lead' }),
    );
  });

  it('refuses what cannot be a role name, or the reserved system role, and lists the built-in roles', () => {
    const parsed = parseActor('rep-ada:Intern!', '--actor');
    expect(parsed).toEqual(E.left(expect.stringContaining('"Intern!" is not a role name')));
    expect(parsed).toEqual(E.left(expect.stringContaining('sales_rep')));
    expect(parseActor('job:system', '--actor')).toEqual(
      E.left(expect.stringContaining('"system" is not a role name')),
    );
  });

  it('refuses text without a colon, an empty id or an id with spaces, saying where it came from', () => {
    expect(parseActor('rep-ada', 'CLIENTELE_ACTOR')).toEqual(
      E.left(expect.stringMatching(/^CLIENTELE_ACTOR "rep-ada" is not ID:ROLE/)),
    );
    expect(parseActor(':sales_rep', '--actor')).toEqual(E.left(expect.stringContaining('id')));
    expect(parseActor('rep ada:sales_rep', '--actor')).toEqual(
      E.left(expect.stringContaining('without spaces')),
    );
  });

  it('prefers --actor to CLIENTELE_ACTOR, and CLIENTELE_ACTOR to a fallback', () => {
    const env = { CLIENTELE_ACTOR: 'aud-1:auditor' };
    const demo = { id: 'clientele-demo', role: 'administrator' };
    expect(resolveActor('rep-ada:sales_rep', env, demo)).toEqual(
      E.right({ id: 'rep-ada', role: 'sales_rep' }),
    );
    expect(resolveActor(undefined, env, demo)).toEqual(E.right({ id: 'aud-1', role: 'auditor' }));
    expect(resolveActor(undefined, {}, demo)).toEqual(E.right(demo));
  });

  it('assumes nobody when no actor is given and there is no fallback', () => {
    expect(resolveActor(undefined, {})).toEqual(E.left(expect.stringContaining('--actor ID:ROLE')));
  });

  it('turns a missing actor into exit code 2 with the command’s name in the message', async () => {
    const io = recordingIo();
    expect(await commandActor('report', { values: {} }, io)).toEqual(E.left(ExitCode.usage));
    expect(io.err.join('')).toMatch(/^clientele report: say who is acting/);
  });

  it('turns a denial into exit code 4 naming the missing permission', () => {
    const io = recordingIo();
    const code = refuseActor(
      'export',
      {
        kind: 'AuthorizationDenied',
        actorId: 'rep-ada',
        role: 'sales_rep',
        permission: 'Customer.export',
        reason: 'the sales_rep role does not grant Customer.export',
      },
      io,
    );
    expect(code).toBe(ExitCode.forbidden);
    expect(io.err.join('')).toContain('rep-ada (sales_rep) lacks Customer.export');
  });
});
