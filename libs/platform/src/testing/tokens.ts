import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueToken } from '../auth/tokens';
import type { Actor } from '@enforcement/domain';
import { stackEnv } from './stack-env';

const users: Actor[] = (
  JSON.parse(readFileSync(join(__dirname, '../../../../infra/local/demo-users.json'), 'utf8')) as { users: Actor[] }
).users;

/** A bearer token of a seeded demo user, signed by the test stack's local issuer. */
export async function tokenFor(userId: string): Promise<string> {
  const user = users.find((u) => u.id === userId);
  if (!user) throw new Error(`no demo user ${userId}`);
  const key = readFileSync(stackEnv().JWT_PRIVATE_KEY_FILE, 'utf8');
  return issueToken(key, user, 'enforcement-local', '10m');
}
