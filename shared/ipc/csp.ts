// The production Content-Security-Policy, in one place: the renderer build writes it into a
// <meta> tag and the Electron app:// protocol sends it as a response header (the header is
// the one that also enforces frame-ancestors, which browsers ignore in a meta tag).

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
