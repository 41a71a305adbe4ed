import { readFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { createServer, type Server, type TLSSocket } from 'node:tls';

/**
 * A TLS terminator in front of a plain server (the stack's Temporal frontend), as an agency's load balancer or
 * Temporal's own TLS would be: it requires a client certificate signed by `clientCa`, then pipes the bytes through.
 * It records whom it let in and why it refused a handshake, so a test can say which side refused what.
 */
export class TlsTerminator {
  private server?: Server;
  readonly admitted: string[] = [];
  readonly refused: string[] = [];

  constructor(
    private readonly files: { cert: string; key: string; clientCa: string },
    private readonly upstream: { host: string; port: number },
  ) {}

  async start(): Promise<number> {
    this.server = createServer(
      {
        cert: readFileSync(this.files.cert),
        key: readFileSync(this.files.key),
        ca: readFileSync(this.files.clientCa),
        // Every client must show a certificate; the chain is checked below, so a refusal is recorded with its reason
        // (with rejectUnauthorized Node drops such a socket without saying why).
        requestCert: true,
        rejectUnauthorized: false,
        // gRPC runs over HTTP/2: both SDK transports ask for it by ALPN.
        ALPNProtocols: ['h2'],
      },
      (socket: TLSSocket) => {
        const subject = socket.getPeerCertificate().subject as { CN?: string } | undefined;
        if (!subject?.CN || !socket.authorized) {
          this.refused.push(subject?.CN ? `${subject.CN}: ${socket.authorizationError}` : 'no client certificate');
          socket.destroy();
          return;
        }
        this.admitted.push(subject.CN);
        const plain = connect(this.upstream.port, this.upstream.host);
        socket.pipe(plain).pipe(socket);
        const close = () => {
          socket.destroy();
          plain.destroy();
        };
        socket.on('error', close);
        plain.on('error', close);
      },
    );
    this.server.on('tlsClientError', (err: NodeJS.ErrnoException) => this.refused.push(`${err.code}: ${err.message}`));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
