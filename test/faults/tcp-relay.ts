/**
 * A TCP relay a test controls (issue 12, faults): services started by the test reach PostgreSQL or Temporal through
 * it, so the test can take that dependency away from them alone — the shared test stack's services, which connect
 * directly, never notice. Open: each connection is piped to the real server. Cut: live connections are reset and new
 * ones are accepted and reset at once, as a server that went away mid-call and is not back yet.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface TcpRelay {
  /** The port to give the services instead of the server's. */
  readonly port: number;
  readonly isOpen: boolean;
  cut(): void;
  open(): void;
  close(): Promise<void>;
}

/** An RST, not a polite FIN: what a peer sees when the server's host or process is gone. */
function reset(socket: Socket): void {
  try {
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
}

export async function startTcpRelay(target: { host: string; port: number }): Promise<TcpRelay> {
  const live = new Set<Socket>();
  let open = true;
  const server: Server = createServer((client) => {
    if (!open) {
      reset(client);
      return;
    }
    const upstream = connect(target.port, target.host);
    live.add(client);
    live.add(upstream);
    // Either side's end or error ends the other: the pair lives and dies together, like one connection.
    const drop = () => {
      live.delete(client);
      live.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const cut = () => {
    open = false;
    for (const socket of live) reset(socket);
    live.clear();
  };
  return {
    port,
    get isOpen() {
      return open;
    },
    cut,
    open() {
      open = true;
    },
    async close() {
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
