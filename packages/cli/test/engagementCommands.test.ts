import { beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '@clientele/cli';
import { useCommandStore } from './support/commandRunner.js';

const { run } = useCommandStore('engagement');
const ada = 'rep-ada:sales_rep';

beforeAll(async () => {
  expect((await run('ops-1:administrator', 'demo', '--steps', '60')).code).toBe(ExitCode.ok);
});

describe('clientele log, task and agenda', () => {
  it('logs a call against a record and prints its id', async () => {
    const logged = await run(
      ada,
      'log',
      'call',
      '--on',
      'customer:c-1',
      '--direction',
      'outbound',
      '--duration',
      '240',
      '--outcome',
      'connected',
      '--notes',
      'Wants a quote',
    );
    expect(logged.code, logged.err).toBe(ExitCode.ok);
    expect(logged.out).toMatch(/^[0-9a-f-]{36}\n$/);
  });

  it('refuses a malformed activity with every wrong field named, and writes nothing', async () => {
    const refused = await run(
      ada,
      'log',
      'call',
      '--on',
      'customer:c-1',
      '--direction',
      'sideways',
      '--duration',
      'long',
      '--outcome',
      'connected',
    );
    expect(refused.code).toBe(ExitCode.usage);
    expect(refused.err).toContain('call.durationSeconds: expected DurationSeconds, got "long"');
    expect(refused.err).toContain('nothing was written');
    expect((await run(ada, 'log', 'call', '--on', 'c-1')).err).toContain('is not TYPE:ID');
  });

  it('refuses to log an activity for another rep', async () => {
    const refused = await run(
      ada,
      'log',
      'note',
      '--on',
      'customer:c-1',
      '--owner',
      'rep-bob',
      '--notes',
      'x',
    );
    expect(refused.code).toBe(ExitCode.forbidden);
    expect(refused.err).toContain('lacks Activity.LogActivity');
  });

  it('adds a recurring task, shows it on the agenda in the rep’s zone, and moves it on when done', async () => {
    const added = await run(
      ada,
      'task',
      'add',
      '--title',
      'Weekly call',
      '--due',
      '2026-03-30T07:00:00Z',
      '--repeat',
      'weekly',
      '--count',
      '2',
      '--time-zone',
      'Europe/Rome',
      '--remind',
      '60',
    );
    expect(added.code, added.err).toBe(ExitCode.ok);
    const taskId = added.out.trim();
    const agenda = await run(
      ada,
      'agenda',
      '--now',
      '2026-03-29T22:30:00Z',
      '--time-zone',
      'Europe/Rome',
      '--format',
      'json',
    );
    expect(agenda.code, agenda.err).toBe(ExitCode.ok);
    const parsed = JSON.parse(agenda.out) as { today: string; todayItems: { id: string }[] };
    // 22:30Z on 29 March is 00:30 on the 30th in Rome (summer time began that night).
    expect(parsed.today).toBe('2026-03-30');
    expect(parsed.todayItems.map((item) => item.id)).toEqual([taskId]);
    const done = await run(ada, 'task', 'done', taskId, '--at', '2026-03-30T06:00:00Z');
    expect(done.out).toBe('done; next occurrence due 2026-04-06T07:00:00.000Z\n');
  });

  it('refuses another rep’s agenda to a rep', async () => {
    const refused = await run(ada, 'agenda', '--rep', 'rep-bob');
    expect(refused.code).toBe(ExitCode.forbidden);
  });
});
