import { createServer, type Server, type ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from '@egov-plan/store-sqlite';
import { tempDirWith } from '@egov-plan/test-utils';
import { createHandler, toNodeListener, type HandlerOptions, type Principal } from '@egov-plan/http';

/** Bearer tokens of the test portal. */
export const CALLERS: Record<string, Principal> = {
  'token-tttt': { agencies: ['so-tttt'], role: 'reporter', id: 'user-tttt' },
  'token-noi-vu': { agencies: ['so-noi-vu'], role: 'reporter' },
  'token-reader': { agencies: ['so-tttt'], role: 'reader' },
  'token-admin': { agencies: [], role: 'admin', id: 'admin' },
};

/** The test portal's `authorize`: a bearer token of {@link CALLERS}, or anonymous. */
export function bearer(request: Request): Principal | null {
  const m = /^Bearer (\S+)$/u.exec(request.headers.get('authorization') ?? '');
  return m ? (CALLERS[m[1] as string] ?? null) : null;
}

/** A real server on loopback over a real SQLite file. */
export interface TestServer {
  url: string;
  port: number;
  store: SqliteStore;
  server: Server;
  close(): Promise<void>;
}

/** Starts the handler on 127.0.0.1 (a free port) over a new SQLite file. */
export async function startServer(options: Partial<HandlerOptions> = {}, serverOptions: ServerOptions = {}): Promise<TestServer> {
  const dir = tempDirWith({});
  const store = openSqliteStore(join(dir, 'store.sqlite'));
  const handler = createHandler({ store, authorize: bearer, ...options });
  const server = createServer(serverOptions, toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    store,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** POSTs JSON with a bearer token. */
export function post(url: string, body: unknown, token?: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
