import { beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '@clientele/cli';
import { useCommandStore } from './support/commandRunner.js';

const { run } = useCommandStore('team');
const manager = 'mgr-east:sales_manager';
const onDeal = ['--on', 'opportunity:o-1', '--member', 'se-bo'];

beforeAll(async () => {
  expect((await run('ops-1:administrator', 'demo', '--steps', '20')).code).toBe(ExitCode.ok);
});

describe('clientele team', () => {
  it('puts a sales engineer on a deal’s team, changes their role, and takes them off again', async () => {
    const added = await run(manager, 'team', 'add', ...onDeal, '--role', 'sales_engineer');
    expect(added.code, added.err).toBe(ExitCode.ok);
    expect(added.out).toBe('se-bo is on the team of opportunity:o-1 as sales_engineer\n');
    const changed = await run(manager, 'team', 'add', ...onDeal, '--role', 'support');
    expect(changed.out).toBe('se-bo is on the team of opportunity:o-1 as support\n');
    const removed = await run(manager, 'team', 'remove', ...onDeal);
    expect(removed.code, removed.err).toBe(ExitCode.ok);
    expect(removed.out).toBe('se-bo is off the team of opportunity:o-1\n');
  });

  it('refuses a rep the role policy does not let change teams, and writes nothing', async () => {
    const refused = await run('rep-ada:sales_rep', 'team', 'add', ...onDeal, '--role', 'owner');
    expect(refused.code).toBe(ExitCode.forbidden);
    expect(refused.err).toContain('AccountTeam.AddTeamMember');
    const removed = await run(manager, 'team', 'remove', ...onDeal);
    expect(removed.code).toBe(ExitCode.failed);
    expect(removed.err).toContain('NotATeamMember');
  });

  it('refuses a role that is not a team role and a record that cannot have a team, naming them', async () => {
    const badRole = await run(manager, 'team', 'add', ...onDeal, '--role', 'boss');
    expect(badRole.code).toBe(ExitCode.usage);
    expect(badRole.err).toContain('boss');
    const badRecord = await run(
      manager,
      'team',
      'add',
      '--on',
      'ticket:t-1',
      '--member',
      'x',
      '--role',
      'owner',
    );
    expect(badRecord.code).toBe(ExitCode.usage);
    expect(badRecord.err).toContain('ticket');
    expect((await run(manager, 'team', 'join')).code).toBe(ExitCode.usage);
  });
});
