import { describeReadModelStoreContract } from '../testing/readModelStoreContract.js';
import { createInMemoryReadModelStore } from './inMemoryReadModelStore.js';

describeReadModelStoreContract('memory', async () => createInMemoryReadModelStore());
