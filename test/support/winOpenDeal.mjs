// Another process that writes to a store while a dashboard follows it: marks one open deal won
// through the Opportunity aggregate's command handler, then exits. Usage:
//   node test/support/winOpenDeal.mjs <sqlite file> <opportunity id> <won on YYYY-MM-DD>
import { randomUUID } from 'node:crypto';
import {
  createOpportunityService,
  defaultRolePolicy,
  noTeams,
  salesAuthorizers,
} from '../../packages/domain/dist/index.js';
import { createSqliteEventStore } from '../../packages/eventstore-sqlite/dist/index.js';

const [file, opportunityId, wonOn] = process.argv.slice(2);
const store = createSqliteEventStore({ file });
try {
  const outcome = await createOpportunityService(store, {
    // The same role policy the CLI applies: an administrator may mark any deal won.
    authorize: salesAuthorizers(defaultRolePolicy, noTeams).opportunity,
  }).handle(
    { kind: 'MarkOpportunityWon', opportunityId, wonOn },
    {
      commandId: randomUUID(),
      actor: { id: 'clientele-demo', role: 'administrator' },
      occurredAt: `${wonOn}T12:00:00.000Z`,
    },
  );
  if (outcome._tag === 'Left') {
    console.error(JSON.stringify(outcome.left));
    process.exitCode = 1;
  }
} finally {
  await store.close();
}
