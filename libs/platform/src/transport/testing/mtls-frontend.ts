import { TestPki } from './test-pki';
import { TlsTerminator } from './tls-terminator';

export type CertPair = { cert: string; key: string };

/**
 * A Temporal frontend reachable only over mTLS: a TLS terminator in front of a plain one (the test stack's), with a
 * server certificate for `serverName` from a server CA and a client CA whose certificates it requires. Shared by the
 * in-transit tests of the connection factories and of a whole service; nothing of the stack is changed.
 */
export class MtlsFrontend {
  static readonly SERVER_NAME = 'temporal-frontend.test';
  readonly pki: TestPki;
  readonly serverCa: CertPair;
  readonly clientCa: CertPair;
  terminator!: TlsTerminator;
  port = 0;

  private constructor(dir: string) {
    this.pki = new TestPki(dir);
    this.serverCa = this.pki.ca('temporal-server-ca');
    this.clientCa = this.pki.ca('temporal-client-ca');
  }

  /** Starts the terminator on a port the OS hands out, forwarding to `upstream` (host:port). */
  static async start(dir: string, upstream: string): Promise<MtlsFrontend> {
    const frontend = new MtlsFrontend(dir);
    const server = frontend.pki.leaf('temporal-frontend', frontend.serverCa, 'serverAuth', `DNS:${this.SERVER_NAME}`);
    const [host, port] = upstream.split(':');
    frontend.terminator = new TlsTerminator(
      { cert: server.cert, key: server.key, clientCa: frontend.clientCa.cert },
      { host, port: Number(port) },
    );
    frontend.port = await frontend.terminator.start();
    return frontend;
  }

  /** A client certificate (CN `name`) the terminator admits. */
  client(name: string): CertPair {
    return this.pki.leaf(name, this.clientCa, 'clientAuth');
  }

  /** The TEMPORAL_* settings of a service reaching Temporal through this frontend with `client`'s certificate. */
  env(client: CertPair): Record<string, string> {
    return {
      TEMPORAL_ADDRESS: `127.0.0.1:${this.port}`,
      TEMPORAL_TLS: 'true',
      TEMPORAL_TLS_CA_FILE: this.serverCa.cert,
      TEMPORAL_TLS_CERT_FILE: client.cert,
      TEMPORAL_TLS_KEY_FILE: client.key,
      TEMPORAL_TLS_SERVER_NAME: MtlsFrontend.SERVER_NAME,
    };
  }

  stop(): Promise<void> {
    return this.terminator.stop();
  }
}
