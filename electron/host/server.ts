/**
 * The browser host: serves the built renderer at /, /staff and /admin and carries the kiosk API over a
 * WebSocket at /api. It always listens on 127.0.0.1 (plain HTTP: the machine's own kiosk screen); when the
 * admin exposes it on the clinic LAN it also listens there, with TLS only. Who each connection is comes from
 * the identity gate (the core), never from the URL; Host and Origin are allow-listed; every connection is
 * bounded in message size, request rate, requests in flight and unread output; and nothing a client does
 * can throw out of here.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { WS_PATH } from '../../shared/api/bridge';
import type { GateConnection, OpenOptions } from '../core/staff-accounts/index';
import type { Logger } from '../core/logger';
import { hostAllowed, isLoopbackAddress, LOOPBACK_NAMES, originAllowed, type AllowList } from './headers';
import { serveWebSocket } from './connection';
import { DEFAULT_LIMITS, type ConnectionLimits } from './limits';
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
const SPA_ROUTES = new Set(['/', '/staff', '/admin', '/pair', '/display', '/index.html']);

/** What the host needs of the core: connections whose identity the core decides. */
export interface HostCore {
  connect(options: OpenOptions): GateConnection;
}

export interface LanOptions {
  /** The address to listen on for the clinic LAN ('0.0.0.0' = every interface). */
  host: string;
  port: number;
  tls: { key: string; cert: string };
  /** Host names and addresses the LAN listener may be reached under (the certificate's names). */
  names: readonly string[];
}

export interface HostOptions {
  core: HostCore;
  rendererDir: string;
  port?: number; // loopback port; 0 = any free port
  /** This machine's kiosk id for loopback kiosk pages (default 'kiosk-1'). */
  localKioskId?: string;
  lan?: LanOptions;
  limits?: Partial<ConnectionLimits>;
  log?: Logger;
}

export interface Host {
  readonly port: number;
  readonly url: string;
  /** The LAN listener's URL (https), when exposed. */
  readonly lanUrl?: string;
  readonly lanPort?: number;
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

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const noopLog: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => noopLog };

function refuseUpgrade(socket: Duplex, status: 400 | 403 | 404 | 503, text: string) {
  try {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  } catch {
    /* already gone */
  }
  socket.destroy();
}

export async function startHost(options: HostOptions): Promise<Host> {
  const { core, rendererDir } = options;
  const limits: ConnectionLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? noopLog;
  const localKioskId = options.localKioskId ?? 'kiosk-1';

  /** One listener (loopback or LAN): static files and the WebSocket, behind its own allow-list. */
  function listener(kind: 'loopback' | 'lan', allow: () => AllowList) {
    const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
      try {
        if (!hostAllowed(allow(), req.headers.host)) {
          res.writeHead(421, SECURITY_HEADERS).end();
          return;
        }
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.writeHead(405, SECURITY_HEADERS).end();
          return;
        }
        const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
        const file = SPA_ROUTES.has(pathname)
          ? path.join(rendererDir, 'index.html')
          : resolveStatic(rendererDir, pathname);
        if (!file) {
          res.writeHead(400, SECURITY_HEADERS).end('bad path');
          return;
        }
        fs.readFile(file, (err, data) => {
          if (res.destroyed) return;
          if (err) {
            res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
            return;
          }
          const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
          const cache = type.startsWith('font/') ? { 'Cache-Control': 'max-age=86400' } : {};
          const hsts = kind === 'lan' ? { 'Strict-Transport-Security': 'max-age=31536000' } : {};
          res.writeHead(200, { ...SECURITY_HEADERS, ...hsts, 'Content-Type': type, ...cache });
          res.end(req.method === 'HEAD' ? undefined : data);
        });
      } catch (e) {
        log.error('http request failed', { error: e instanceof Error ? e.message : String(e) });
        if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS);
        res.end();
      }
    };
    const server =
      kind === 'lan' && options.lan
        ? https.createServer({ key: options.lan.tls.key, cert: options.lan.tls.cert, minVersion: 'TLSv1.2' }, onRequest)
        : http.createServer(onRequest);
    server.headersTimeout = 10_000;
    server.requestTimeout = 30_000;
    server.on('clientError', (_err, socket) => socket.destroy());
    server.on('tlsClientError', (_err, socket) => socket.destroy());

    const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false });
    wss.on('error', (e) => log.warn('websocket server error', { error: e.message }));
    server.on('upgrade', (req, socket, head) => {
      socket.on('error', () => socket.destroy());
      try {
        const [pathname = '', query = ''] = (req.url ?? '').split('?', 2);
        if (pathname !== WS_PATH) return refuseUpgrade(socket, 404, 'Not Found');
        // A rebinding page arrives under its own host name; a foreign page (or none: curl, a script) with its own Origin.
        const list = allow();
        if (!hostAllowed(list, req.headers.host) || !originAllowed(list, req.headers.origin))
          return refuseUpgrade(socket, 403, 'Forbidden');
        if (wss.clients.size >= limits.maxConnections) return refuseUpgrade(socket, 503, 'Service Unavailable');
        const remote = req.socket.remoteAddress ?? 'unknown';
        // The page may ask for less than the local kiosk (the staff console starts anonymous), never for more.
        const wantsStaff = /(?:^|&)role=(?:staff|admin)(?:&|$)/.test(query);
        const local = kind === 'loopback' && isLoopbackAddress(remote) && !wantsStaff;
        wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
          serveWebSocket(ws, {
            limits,
            log,
            open: (push, onIdentity) =>
              core.connect({
                onIdentity,
                base: local ? { kind: 'local-kiosk', kioskId: localKioskId } : { kind: 'anonymous' },
                client: `${kind}:${remote}`,
                push,
              }),
          });
        });
      } catch (e) {
        log.error('upgrade failed', { error: e instanceof Error ? e.message : String(e) });
        refuseUpgrade(socket, 400, 'Bad Request');
      }
    });
    return { server, wss };
  }

  let loopPort = 0;
  let lanPort = 0;
  const loopback = listener('loopback', () => ({ scheme: 'http', port: loopPort, hosts: new Set(LOOPBACK_NAMES) }));
  const lanNames = new Set((options.lan?.names ?? []).map((n) => n.toLowerCase()));
  if (options.lan && options.lan.host !== '0.0.0.0' && options.lan.host !== '::')
    lanNames.add(options.lan.host.toLowerCase());
  const lan = options.lan ? listener('lan', () => ({ scheme: 'https', port: lanPort, hosts: lanNames })) : undefined;

  const listen = (server: http.Server, port: number, host: string) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        server.on('error', (e) => log.error('listener error', { error: e.message }));
        const a = server.address();
        resolve(typeof a === 'object' && a ? a.port : 0);
      });
    });
  loopPort = await listen(loopback.server, options.port ?? 0, '127.0.0.1');
  if (lan && options.lan) {
    try {
      lanPort = await listen(lan.server, options.lan.port, options.lan.host);
    } catch (e) {
      loopback.server.close();
      throw e;
    }
  }
  const lanHost = options.lan ? ([...lanNames][0] ?? options.lan.host) : undefined;

  return {
    port: loopPort,
    url: `http://127.0.0.1:${loopPort}`,
    ...(lan ? { lanPort, lanUrl: `https://${lanHost}:${lanPort}` } : {}),
    async close() {
      for (const l of [loopback, lan]) {
        if (!l) continue;
        for (const c of l.wss.clients) c.terminate();
        l.wss.close();
        l.server.closeAllConnections();
        await new Promise<void>((r) => l.server.close(() => r()));
      }
    },
  };
}
