// The generators work from core's schemas with their descriptions attached (`describeSchemas`):
// importing this module attaches them, and fails when a description names no schema.
import { describeSchemas } from '../../packages/core/src/index.js';

const unknown = describeSchemas();
if (unknown.length) throw new Error(`packages/core/src/descriptions.ts: no schema at ${unknown.join(', ')} (renamed or moved? update the key)`);
