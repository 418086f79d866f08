/**
 * Registers the service worker (scope: the base path) and keeps the header's
 * offline status in step with it: saving the shell, ready (pages read are
 * kept), offline now, a new version waiting, or failed; and, from the saved
 * atlas's record, what is saved and when (`data-saved`: complete, partial,
 * stale), or a link to save it.
 */
import type { HeaderStrings } from '../search/strings';
import { loadStrings } from './strings';

type OfflineState = 'saving' | 'ready' | 'offline' | 'update' | 'failed';

/** Fired on `window` when the saved atlas changes (`offline-save-ui.ts` names it too). */
const SAVED_EVENT = 'atlas:saved';
/**
 * The message asking the worker (`sw.ts`) what is saved, when, and whether
 * from the current build. Sent with `strings`, the URL of the page's
 * `strings.json`; the answer's `text` says it in the page's language; `null`
 * if nothing is saved.
 */
export const SAVED_STATUS = 'SAVED_STATUS';
export interface SavedStatus {
  /** partial: a save stopped before the end; stale: saved from an older build. */
  state: 'complete' | 'partial' | 'stale';
  text: string;
}

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
  let saved: SavedStatus | null = null;

  /** Shows the current state, once its words are there. */
  const render = () => {
    if (!strings || !current) return;
    // The worker words what is saved (`sw.ts`), from this page's strings.
    const words = current === 'ready' && saved ? saved.text : strings[`offline.${current}`];
    if (root.dataset['state'] === current && text.textContent === words) return;
    root.dataset['state'] = current;
    root.dataset['saved'] = saved?.state ?? '';
    text.textContent = words;
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
    if (reg.active) {
      readSaved(reg.active);
      return show(navigator.onLine ? 'ready' : 'offline');
    }
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

  /** Asks the worker what is saved, and whether its build is still the current one. */
  const readSaved = (worker: ServiceWorker) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => {
      saved = event.data as SavedStatus | null;
      render();
    };
    worker.postMessage({ type: SAVED_STATUS, strings: root.dataset['stringsUrl'] }, [
      channel.port2,
    ]);
  };
  window.addEventListener(SAVED_EVENT, update);

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
