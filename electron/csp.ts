/**
 * THE Content-Security-Policy of every kiosk page, in one place: the Electron shell sends it on every
 * app:// response (main/protocol.ts) and the browser host on every HTTP response (host/server.ts), so the
 * browser end-to-end tests run the renderer under exactly the production policy. No inline scripts or
 * styles (React's `style` props go through the CSSOM, which CSP does not restrict), no data: except images,
 * connections only to the page's own origin (the host's WebSocket is same-origin).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
