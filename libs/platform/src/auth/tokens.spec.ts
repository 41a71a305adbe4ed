import { generateKeyPairSync } from 'node:crypto';
import { importVerificationKey, issueToken, verifyToken } from './tokens';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

const actor = { id: 'u1', name: '张执法', roles: ['officer' as const], unitId: 'unit-1' };

describe('access tokens (ES256, asymmetric keys from configuration)', () => {
  const keys = keyPair();

  it('C1: a token carries the actor — id, name, roles and unit — to every service', async () => {
    const token = await issueToken(keys.privatePem, actor, 'issuer-a');
    await expect(verifyToken(token, await importVerificationKey(keys.publicPem), 'issuer-a')).resolves.toEqual(actor);
  });

  it('C1: a token from another issuer, signed by another key, or expired is refused', async () => {
    const key = await importVerificationKey(keys.publicPem);
    const other = keyPair();
    await expect(verifyToken(await issueToken(keys.privatePem, actor, 'issuer-b'), key, 'issuer-a')).rejects.toThrow();
    await expect(verifyToken(await issueToken(other.privatePem, actor, 'issuer-a'), key, 'issuer-a')).rejects.toThrow();
    const expired = await issueToken(keys.privatePem, actor, 'issuer-a', '-1s');
    await expect(verifyToken(expired, key, 'issuer-a')).rejects.toThrow();
  });

  it('C1: a token naming no known role is refused', async () => {
    const key = await importVerificationKey(keys.publicPem);
    const token = await issueToken(keys.privatePem, { ...actor, roles: ['janitor' as never] }, 'issuer-a');
    await expect(verifyToken(token, key, 'issuer-a')).rejects.toThrow(/roles/);
  });
});
