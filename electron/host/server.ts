/**
 * The browser host: serves the built renderer at /, /staff and /admin and carries the kiosk API over a
 * WebSocket at /api, on 127.0.0.1 only. It is how the whole stack runs and is tested where the Electron
 * binary cannot be installed, with exactly the core the Electron app runs.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { ROLES, wireRequestSchema, type Role, type WireMessage } from '../../shared/api/index';
import { ID_PATTERN, WS_PATH } from '../../shared/api/bridge';
import type { Core } from '../core/index';
import { CONTENT_SECURITY_POLICY } from '../csp';

export { CONTENT_SECURITY_POLICY };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};
const SPA_ROUTES = new Set(['/', '/staff', '/admin', '/display', '/index.html']);
const MAX_MESSAGE_BYTES = 64 * 1024;

export interface HostOptions {
  core: Core;
  rendererDir: string;
  port?: number; // 0 = any free port
  host?: string; // default 127.0.0.1
}

export interface Host {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

/** Resolve a request path inside `root`, or null when it would escape it. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  const rel = path.relative(root, full);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return full;
}

export async function startHost(options: HostOptions): Promise<Host> {
  const { core, rendererDir } = options;
  const bind = options.host ?? '127.0.0.1';

  const server = http.createServer((req, res) => {
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = SPA_ROUTES.has(url.pathname) ? path.join(rendererDir, 'index.html') : resolveStatic(rendererDir, url.pathname);
    if (!file) {
      res.writeHead(400, headers).end('bad path');
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, { ...headers, 'Content-Type': type, ...(type.startsWith('font/') ? { 'Cache-Control': 'max-age=86400' } : {}) });
      res.end(req.method === 'HEAD' ? undefined : data);
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Same-origin only: a web page elsewhere on this machine must not drive the kiosk.
    const origin = req.headers.origin;
    const hostHeader = req.headers.host;
    if (url.pathname !== WS_PATH || (origin !== undefined && hostHeader !== undefined && new URL(origin).host !== hostHeader)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    const role = url.searchParams.get('role') ?? 'kiosk';
    const kioskId = url.searchParams.get('kiosk') ?? 'kiosk-1';
    if (!(ROLES as readonly string[]).includes(role) || !ID_PATTERN.test(kioskId)) {
      socket.write('HTTP/1.1 400 Bad Request\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, role as Role, kioskId));
  });

  function onConnection(ws: WebSocket, role: Role, kioskId: string) {
    const caller = { role, kioskId };
    const send = (m: WireMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
    };
    send({ kind: 'hello', role });
    const unsubscribe = core.subscribe(caller, (event, payload) => send({ kind: 'event', event, payload }));
    ws.on('close', unsubscribe);
    ws.on('error', unsubscribe);
    ws.on('message', (data, isBinary) => {
      let msg: unknown;
      try {
        msg = isBinary ? undefined : JSON.parse(data.toString());
      } catch {
        msg = undefined;
      }
      const parsed = wireRequestSchema.safeParse(msg);
      if (!parsed.success) {
        send({ kind: 'response', id: -1, result: { ok: false, error: { code: 'invalid-payload', message: 'not a request message' } } });
        return;
      }
      void core.handle(caller, parsed.data.name, parsed.data.input).then((result) => send({ kind: 'response', id: parsed.data.id, result }));
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bind, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `http://${bind}:${port}`,
    async close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
