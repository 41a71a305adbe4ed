import { Initial1764000000000 } from './1764000000000-initial';

/** Every migration of disclosure-svc, oldest first. They run at start; there is no `synchronize`. */
export const migrations = [Initial1764000000000];
