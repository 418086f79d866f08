/**
 * Registers the service worker (scope: the base path) and keeps the header's
 * offline indicator in step with it: saving, available offline, offline now,
 * a new version waiting, or failed. "Available offline" is shown only once a
 * worker is active, that is once every precached file is stored.
 */
import type { HeaderStrings } from '../search/strings';
import { loadStrings } from './strings';

type OfflineState = 'saving' | 'ready' | 'offline' | 'update' | 'failed';

export function startOfflineStatus(root: HTMLElement): void {
  if (!('serviceWorker' in navigator)) return;
  const text = root.querySelector<HTMLElement>('[data-offline-text]');
  const reload = root.querySelector<HTMLButtonElement>('[data-offline-reload]');
  const base = root.dataset['base'] ?? '/';
  if (!text || !reload) return;

  let registration: ServiceWorkerRegistration | undefined;
  let failed = false;
  let strings: HeaderStrings | undefined;
  let current: OfflineState | undefined;

  /** Shows the current state, once its words are there. */
  const render = () => {
    if (!strings || !current || root.dataset['state'] === current) return;
    root.dataset['state'] = current;
    text.textContent = strings[`offline.${current}`];
    root.title = current === 'ready' || current === 'offline' ? strings['offline.readyHelp'] : '';
    reload.hidden = current !== 'update';
    root.hidden = false;
    // Announce changes, but not the state the page opened with.
    queueMicrotask(() => text.setAttribute('aria-live', 'polite'));
  };
  const show = (state: OfflineState) => {
    current = state;
    render();
  };
  loadStrings<HeaderStrings>(root.dataset['stringsUrl'] ?? '')
    .then((loaded) => {
      strings = loaded;
      render();
    })
    .catch(() => undefined);

  const update = () => {
    const reg = registration;
    if (!reg) return;
    if (failed) return show('failed');
    if (reg.waiting && reg.active) return show('update');
    if (reg.active) return show(navigator.onLine ? 'ready' : 'offline');
    if (reg.installing) return show('saving');
  };

  const watch = (worker: ServiceWorker | null) => {
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'redundant' && !registration?.active) failed = true;
      update();
    });
  };

  reload.addEventListener('click', () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
      once: true,
    });
    // Workbox's generated worker takes over when told to (skipWaiting: false).
    registration?.waiting?.postMessage({ type: 'SKIP_WAITING' });
  });
  window.addEventListener('online', update);
  window.addEventListener('offline', update);

  navigator.serviceWorker
    .register(`${base}sw.js`, { scope: base })
    .then((reg) => {
      registration = reg;
      watch(reg.installing);
      watch(reg.waiting);
      reg.addEventListener('updatefound', () => {
        watch(reg.installing);
        update();
      });
      update();
    })
    // Refused (workers disabled, private mode): say nothing, the site works online.
    .catch(() => undefined);
}
