/**
 * Bytes on the wire, as Chromium reports them through Playwright: response
 * bodies as sent plus response headers. Requests made by a page's web workers
 * (Pagefind searches in one) are reported with the page's, which a CDP
 * session on the page alone would miss.
 */
import type { Page } from 'playwright-core';

export interface Metered {
  bytes: number;
  requests: number;
}

/** Starts counting the responses `page` receives whose URL passes `keep`. */
export function meter(page: Page, keep: (url: string) => boolean = () => true) {
  let bytes = 0;
  let requests = 0;
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (request) => {
    if (!keep(request.url())) return;
    pending.push(
      request.sizes().then((s) => {
        bytes += s.responseBodySize + s.responseHeadersSize;
        requests += 1;
      }),
    );
  });
  return {
    /** What was received since the last call (waits for sizes still being read). */
    take: async (): Promise<Metered> => {
      await Promise.all(pending.splice(0));
      const out = { bytes, requests };
      bytes = 0;
      requests = 0;
      return out;
    },
  };
}
