import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import express from 'express';
import { TRUSTED_PROXIES_FORMAT, trustProxies } from './trusted-proxies';

/** The client address a service sees for one request with `X-Forwarded-For`, over a real loopback socket. */
async function seenAddress(setting: string | undefined, forwardedFor: string): Promise<string> {
  const app = express();
  trustProxies(app, setting);
  app.get('/', (req, res) => void res.send(req.ip));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise<string>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/', headers: { 'x-forwarded-for': forwardedFor } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve(body));
      })
        .on('error', reject)
        .end();
    });
  } finally {
    server.close();
  }
}

describe('TRUSTED_PROXIES (issue 12: a service behind an ingress controller or sign-in proxy)', () => {
  it('D11, C3: behind a trusted proxy the client address is the forwarded one, for rate limits and the audit trail', async () => {
    expect(await seenAddress('127.0.0.1', '203.0.113.7')).toBe('203.0.113.7');
    expect(await seenAddress('loopback, 10.244.0.0/16', '198.51.100.9')).toBe('198.51.100.9');
  });

  it('D11: a client cannot forge its address: unset, or from an untrusted hop, the socket or the last untrusted hop counts', async () => {
    expect(await seenAddress(undefined, '203.0.113.7')).toMatch(/127\.0\.0\.1$/);
    expect(await seenAddress('', '203.0.113.7')).toMatch(/127\.0\.0\.1$/);
    // The client wrote 192.0.2.1 itself; the proxy appended the address it saw (203.0.113.7), the one that counts.
    expect(await seenAddress('127.0.0.1', '192.0.2.1, 203.0.113.7')).toBe('203.0.113.7');
  });

  it('a malformed list is refused at start (the configuration check, and Express itself)', () => {
    expect(TRUSTED_PROXIES_FORMAT.test('10.244.0.0/16, loopback')).toBe(true);
    expect(TRUSTED_PROXIES_FORMAT.test('ingress.example')).toBe(false);
    expect(() => trustProxies(express(), '10.0.0.0/99')).toThrow();
  });
});
