/**
 * Host and Origin allow-lists for the browser host. A DNS-rebinding page reaches us under its own host
 * name, and a web page elsewhere sends its own Origin: both must be refused. Every parser here returns
 * undefined for anything malformed (`null`, `http://[`, a port out of range, user:pass@, a path) — a bad
 * header is a refusal, never an exception.
 */
import net from 'node:net';

export interface Authority {
  /** Lower-case host name, or an IP address (IPv6 without brackets). */
  host: string;
  port: number;
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/;

/** `host[:port]` as in a Host header; `defaultPort` when absent. */
export function parseAuthority(value: unknown, defaultPort: number): Authority | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 300) return undefined;
  const v = value.toLowerCase();
  let host: string;
  let portText: string | undefined;
  if (v.startsWith('[')) {
    const end = v.indexOf(']');
    if (end < 0) return undefined;
    host = v.slice(1, end);
    const rest = v.slice(end + 1);
    if (rest !== '' && !rest.startsWith(':')) return undefined;
    portText = rest ? rest.slice(1) : undefined;
    if (net.isIPv6(host) === false) return undefined;
  } else {
    const parts = v.split(':');
    if (parts.length > 2) return undefined;
    host = parts[0]!;
    portText = parts[1];
    if (!net.isIPv4(host) && !HOST_NAME.test(host)) return undefined;
  }
  let port = defaultPort;
  if (portText !== undefined) {
    if (!/^\d{1,5}$/.test(portText)) return undefined;
    port = Number(portText);
    if (port < 1 || port > 65535) return undefined;
  }
  return { host: host.replace(/\.$/, ''), port };
}

/** An Origin header: `scheme://authority` only. `null`, opaque and malformed origins are undefined. */
export function parseOrigin(value: unknown): { scheme: 'http' | 'https'; authority: Authority } | undefined {
  if (typeof value !== 'string' || value.length > 300) return undefined;
  const m = /^(https?):\/\/([^/?#@\s]+)$/i.exec(value);
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase() === 'https' ? 'https' : 'http';
  const authority = parseAuthority(m[2], scheme === 'https' ? 443 : 80);
  return authority ? { scheme, authority } : undefined;
}

export interface AllowList {
  scheme: 'http' | 'https';
  port: number;
  /** Host names and addresses this listener may be reached under. */
  hosts: ReadonlySet<string>;
}

export const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];

export function hostAllowed(list: AllowList, header: unknown): boolean {
  const a = parseAuthority(header, list.scheme === 'https' ? 443 : 80);
  return !!a && a.port === list.port && list.hosts.has(a.host);
}

/** The Origin must be present and be one of this listener's own origins. */
export function originAllowed(list: AllowList, header: unknown): boolean {
  const o = parseOrigin(header);
  return !!o && o.scheme === list.scheme && o.authority.port === list.port && list.hosts.has(o.authority.host);
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/, '');
  return a === '::1' || (net.isIPv4(a) && a.startsWith('127.'));
}
