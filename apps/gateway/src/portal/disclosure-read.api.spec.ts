import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '@enforcement/platform';
import { DisclosureReadApi } from './disclosure-read.api';

/** A stand-in for disclosure-svc on a real loopback socket, answering what `answer` says. */
async function service(answer: (path: string) => { status: number; type: string; body: string }): Promise<Server> {
  const server = createServer((req, res) => {
    const { status, type, body } = answer(req.url ?? '');
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function apiFor(server: Server): DisclosureReadApi {
  process.env.DISCLOSURE_SVC_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return new DisclosureReadApi();
}

describe("the gateway's hop to disclosure-svc (D11, issue 10)", () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const s of servers.splice(0)) s.close();
    delete process.env.DISCLOSURE_SVC_URL;
  });

  it('D11: a portal page passes through byte for byte, with its query; a 4xx keeps its code; anything else is 503', async () => {
    const page = '{"items":[{"id":"publication:罚〔2026〕1号","body":"罚款"}],"page":1,"pageSize":20,"hasMore":false}';
    const server = await service((path) =>
      path.startsWith('/portal/items?')
        ? { status: 200, type: 'application/json; charset=utf-8', body: `${page}` }
        : path.startsWith('/portal/items/missing')
          ? {
              status: 404,
              type: 'application/json',
              body: JSON.stringify({ code: 'PORTAL.NOT_FOUND', message: { zh: '没有该公示信息', en: 'No such item' } }),
            }
          : { status: 200, type: 'text/html', body: '<html></html>' },
    );
    servers.push(server);
    const api = apiFor(server);
    const got = await api.jsonBytes('/portal/items', { query: { q: '罚款', pageSize: 20, page: undefined } });
    expect(got.body.toString('utf8')).toBe(page);
    expect(got.type).toBe('application/json; charset=utf-8');
    await expect(api.jsonBytes('/portal/items/missing', {})).rejects.toMatchObject({ code: 'PORTAL.NOT_FOUND' });
    const notJson = await api.jsonBytes('/portal/other', {}).catch((e: unknown) => e);
    expect(notJson).toBeInstanceOf(AppError);
    expect(notJson).toMatchObject({ code: 'PORTAL.UNAVAILABLE' });
  });

  it('D11: a kept-alive connection the service drops as a call goes out on it costs no failed search (sent again)', async () => {
    let calls = 0;
    const served = new WeakSet<object>();
    const server = createServer((req, res) => {
      // The service's side of the race: a connection it already answered on is closed under the next request.
      if (served.has(req.socket)) return void req.socket.destroy();
      served.add(req.socket);
      calls++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"n":${calls}}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    const api = apiFor(server);
    expect(await api.json('/portal/items', {})).toEqual({ n: 1 });
    expect(await api.json('/portal/items', {})).toEqual({ n: 2 });
    // A POST is not sent twice: it fails as unavailable.
    await expect(api.json('/portal/objections', { method: 'POST', body: {} })).rejects.toMatchObject({
      code: 'PORTAL.UNAVAILABLE',
    });
  });
});
