import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A throw-away certificate authority for the in-transit tests, made with the machine's `openssl` in the test's temp
 * dir (EC P-256: quick to make, accepted by Java, Node and the Temporal core). Nothing of it is kept or committed.
 */
export class TestPki {
  constructor(private readonly dir: string) {}

  private openssl(...args: string[]): void {
    execFileSync('openssl', args, { cwd: this.dir, stdio: ['ignore', 'ignore', 'pipe'] });
  }

  /** A self-signed CA: `<name>.pem` and `<name>.key`. */
  ca(name: string): { cert: string; key: string } {
    const cert = join(this.dir, `${name}.pem`);
    const key = join(this.dir, `${name}.key`);
    this.openssl(
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    );
    return { cert, key };
  }

  /**
   * A leaf certificate signed by `ca`, for a server (`subjectAltName`, e.g. `IP:127.0.0.1`) or a client; its key in
   * PKCS#8 PEM (what Node, Java and rustls all read).
   */
  leaf(name: string, ca: { cert: string; key: string }, use: 'serverAuth' | 'clientAuth', altName?: string) {
    const cert = join(this.dir, `${name}.pem`);
    const key = join(this.dir, `${name}.key`);
    const csr = join(this.dir, `${name}.csr`);
    const ext = join(this.dir, `${name}.ext`);
    writeFileSync(
      ext,
      [`extendedKeyUsage=${use}`, 'basicConstraints=CA:FALSE', ...(altName ? [`subjectAltName=${altName}`] : [])].join(
        '\n',
      ),
    );
    this.openssl(
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      csr,
      '-subj',
      `/CN=${name}`,
    );
    this.openssl(
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      ca.cert,
      '-CAkey',
      ca.key,
      '-CAcreateserial',
      '-out',
      cert,
      '-days',
      '2',
      '-extfile',
      ext,
    );
    return { cert, key };
  }

  /** A PKCS#12 keystore of a leaf and its chain, for a Java server (Kafka's `ssl.keystore.location`). */
  keystore(name: string, leaf: { cert: string; key: string }, ca: { cert: string }, password: string): string {
    const path = join(this.dir, `${name}.p12`);
    this.openssl(
      'pkcs12',
      '-export',
      '-in',
      leaf.cert,
      '-inkey',
      leaf.key,
      '-certfile',
      ca.cert,
      '-name',
      name,
      '-out',
      path,
      '-passout',
      `pass:${password}`,
    );
    return path;
  }
}
