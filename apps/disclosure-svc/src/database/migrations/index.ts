import { Initial1764000000000 } from './1764000000000-initial';
import { Publications1764700000000 } from './1764700000000-publications';

/** Every migration of disclosure-svc, oldest first. They run at start; there is no `synchronize`. */
export const migrations = [Initial1764000000000, Publications1764700000000];
