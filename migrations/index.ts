/**
 * Every migration, in order. Listed by hand rather than globbed so the compiled service and
 * the tests (run from TypeScript) load exactly the same set.
 */
import { EngineCore1732300000000 } from './1732300000000-engine-core.js';

export const migrations = [EngineCore1732300000000];
