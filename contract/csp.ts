/**
 * The Content-Security-Policy of the app's page. The main process sends it as a header on
 * every app:// response; the build also writes it into index.html as a meta tag so the
 * browser preview is held to the same policy. `frame-ancestors` only works as a header.
 */
const directives: Record<string, string> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  // The clinic's own pictures and videos come from app://media/ (see appProtocol.ts); the
  // fleet's screen pictures, shown in the admin's Screens view, from app://screens/.
  'img-src': "'self' app://media app://screens",
  'font-src': "'self'",
  'media-src': "'self' app://media",
  'connect-src': "'self'",
  'manifest-src': "'none'",
  'worker-src': "'none'",
  'frame-src': "'none'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

function serialize(entries: Record<string, string>): string {
  return Object.entries(entries)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

export const CONTENT_SECURITY_POLICY_META = serialize(directives);
export const CONTENT_SECURITY_POLICY_HEADER = serialize({
  ...directives,
  'frame-ancestors': "'none'",
});
