/**
 * The renderer's Content Security Policy: only our own scripts, styles and the API socket. The
 * browser-mode server sends it as a header, the desktop shell sets it on responses, and the
 * build writes it into index.html's meta tag (file:// pages get no headers).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** The meta-tag form: frame-ancestors is ignored (and warned about) in a meta tag. */
export const CONTENT_SECURITY_POLICY_META = CONTENT_SECURITY_POLICY.replace(/; frame-ancestors [^;]*/, '');
