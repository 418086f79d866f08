/**
 * The site's security policy, in one place.
 *
 * Every page carries the Content Security Policy as a `<meta http-equiv>` tag
 * (rendered by `Base.astro`), and the build writes `_headers` (see
 * `renderHeadersFile`) to give hosts that read it (Netlify, Cloudflare Pages)
 * the same policy as a real header, plus what only a header can carry:
 * `frame-ancestors`, HSTS, nosniff, Referrer-Policy and Permissions-Policy,
 * and the caching rules. `test/build/security.test.ts` checks that both agree.
 *
 * The policy needs no hash: every script and stylesheet is an external file
 * from the site's own origin (`vite.build.assetsInlineLimit: 0` and
 * `build.inlineStylesheets: 'never'` stop Astro from inlining them), and no
 * element carries an inline `style` or event-handler attribute. Astro's
 * built-in `security.csp` was not used: it adds a hash of every bundle to
 * every page, which changes with each build and so cannot live in a static
 * `_headers` file, and adds nothing over `'self'` here.
 */

/** Directives, in the order they are written. */
const CSP_DIRECTIVES: readonly (readonly [string, ...string[]])[] = [
  ['default-src', "'self'"],
  // Pagefind compiles its WebAssembly search engine: 'wasm-unsafe-eval' allows
  // WebAssembly only, not eval().
  ['script-src', "'self'", "'wasm-unsafe-eval'"],
  // MapLibre sets element.style from script (CSSOM), which CSP allows; no
  // inline <style> or style="" is needed.
  ['style-src', "'self'"],
  ['img-src', "'self'", 'data:', 'blob:'],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  // MapLibre runs its workers from blob: URLs; a service worker is 'self'.
  ['worker-src', "'self'", 'blob:'],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** Directives that browsers ignore in a `<meta>` policy: header only. */
const HEADER_ONLY_DIRECTIVES: readonly (readonly [string, ...string[]])[] = [
  ['frame-ancestors', "'none'"],
];

const serialise = (directives: readonly (readonly string[])[]) =>
  directives.map((d) => d.join(' ')).join('; ');

/** The policy as delivered in each page's `<meta http-equiv="content-security-policy">`. */
export const META_CSP = serialise(CSP_DIRECTIVES);

/** The policy as delivered in the `Content-Security-Policy` header. */
export const HEADER_CSP = serialise([...CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES]);

/** Parses a policy into a map of directive → sources, for comparison. */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** The headers every response should carry (the `<base>*` block of `_headers`). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': HEADER_CSP,
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Hashed file names never change content: cache them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Files with fixed names that say which build is current: always revalidate. */
const REVALIDATE = 'no-cache';

/**
 * The rules of `_headers` for a site served under `base` ("/" or "/atlas/"):
 * path pattern → headers. Hosts merge every rule that matches a path.
 */
export function headerRules(base: string): Map<string, Record<string, string>> {
  return new Map<string, Record<string, string>>([
    [`${base}*`, { ...SECURITY_HEADERS }],
    // Vite's bundles and Pagefind's chunks are named by their content.
    [`${base}_astro/*`, { 'Cache-Control': IMMUTABLE }],
    [`${base}pagefind/fragment/*`, { 'Cache-Control': IMMUTABLE }],
    [`${base}pagefind/index/*`, { 'Cache-Control': IMMUTABLE }],
    [`${base}pagefind/filter/*`, { 'Cache-Control': IMMUTABLE }],
    // A stale service worker or index entry would pin readers to an old build.
    [`${base}sw.js`, { 'Cache-Control': REVALIDATE }],
    [`${base}pagefind/pagefind-entry.json`, { 'Cache-Control': REVALIDATE }],
  ]);
}

/** Writes rules in the `_headers` format that `parseHeadersFile` reads. */
export function renderHeadersFile(rules: Map<string, Record<string, string>>): string {
  const blocks = [...rules].map(([path, headers]) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
  );
  return `# Written by the build from src/lib/security/headers.ts; do not edit.\n${blocks.join('\n')}\n`;
}

/**
 * Parses a Netlify/Cloudflare `_headers` file: a path pattern on its own line,
 * then indented `Name: value` lines. Returns pattern → headers.
 */
export function parseHeadersFile(text: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      current = {};
      rules.set(raw.trim(), current);
      continue;
    }
    const colon = raw.indexOf(':');
    if (!current || colon < 0) throw new Error(`_headers: cannot read line "${raw.trim()}"`);
    current[raw.slice(0, colon).trim()] = raw.slice(colon + 1).trim();
  }
  return rules;
}
