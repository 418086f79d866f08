/**
 * The "Save the atlas" control (`SaveAtlas.astro`): says what a save of the
 * chosen languages stores, asks the browser to keep it
 * (`navigator.storage.persist()`), checks the space
 * (`navigator.storage.estimate()`), then saves with a progress bar, files and
 * MB; cancel stops it, and a later visit resumes it. Its state is in
 * `data-state`: idle, saving, paused, saved, stale (saved from an older
 * build), failed. Every word is set as text.
 */
import { format } from '../format';
import type { SaveLang, SaveSummary } from '../offline/precache';
import { langList, loadSummary, readRecord, savedDate, type SavedRecord } from './offline-record';
import {
  askPersistence,
  NoSpaceError,
  removeSaved,
  saveAtlas,
  type SaveProgress,
} from './offline-save';

type Strings = Record<string, string>;

/**
 * Fired on `window` when the saved atlas changes: the header's status
 * (`offline.ts`, which names it too, so that every page's script stays small) asks again.
 */
const SAVED_EVENT = 'atlas:saved';
type SaveState = 'idle' | 'saving' | 'paused' | 'saved' | 'stale' | 'failed';

const mb = (bytes: number) => (bytes / 1_000_000).toFixed(1);

function need<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`save control: missing ${selector}`);
  return found;
}

export function startSaveControl(root: HTMLElement): void {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return;
  const base = root.dataset['base'] ?? '/';
  const locale = root.dataset['locale'] ?? 'en';
  const s = JSON.parse(root.dataset['strings'] ?? '{}') as Strings;
  const text = (key: string, vars?: Record<string, string | number>) => format(s[key] ?? '', vars);
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[name="save-lang"]')];
  const size = need<HTMLElement>(root, '[data-save-size]');
  const start = need<HTMLButtonElement>(root, '[data-save-start]');
  const cancel = need<HTMLButtonElement>(root, '[data-save-cancel]');
  const remove = need<HTMLButtonElement>(root, '[data-save-remove]');
  const progressBox = need<HTMLElement>(root, '[data-save-progress]');
  const bar = need<HTMLProgressElement>(progressBox, 'progress');
  const count = need<HTMLElement>(root, '[data-save-count]');
  const status = need<HTMLElement>(root, '[data-save-status]');
  const note = need<HTMLElement>(root, '[data-save-note]');

  let summary: SaveSummary | undefined;
  let record: SavedRecord | undefined;
  let running: AbortController | undefined;

  const chosen = (): SaveLang[] =>
    boxes.filter((b) => b.checked).map((b) => (b.value === 'zh' ? 'zh' : 'en'));
  const sameLangs = (a: readonly SaveLang[], b: readonly SaveLang[]) =>
    a.length === b.length && a.every((l) => b.includes(l));

  const showSize = () => {
    const langs = chosen();
    if (!summary) return;
    if (langs.length === 0) {
      size.textContent = text('save.none');
      return;
    }
    const total = langs.length === 2 ? summary.all : summary.langs[langs[0] ?? 'en'];
    size.textContent = text('save.sizeOf', {
      langs: langList(langs, s, locale),
      files: total.files.toLocaleString(locale),
      mb: mb(total.bytes),
    });
  };

  const showProgress = (p: SaveProgress) => {
    bar.value = p.totalBytes > 0 ? p.bytes / p.totalBytes : 1;
    count.textContent = text('save.progress', {
      files: p.files.toLocaleString(locale),
      total: p.totalFiles.toLocaleString(locale),
      mb: mb(p.bytes),
      totalMb: mb(p.totalBytes),
    });
  };

  /** Shows `state`, with the buttons that fit it. */
  const show = (state: SaveState, message = '') => {
    root.dataset['state'] = state;
    const langs = chosen();
    const saving = state === 'saving';
    cancel.hidden = !saving;
    start.disabled = saving || langs.length === 0;
    for (const box of boxes) box.disabled = saving;
    progressBox.hidden = !saving && (state !== 'paused' || count.textContent === '');
    remove.hidden = saving || record === undefined;
    let label = 'save.start';
    if (state === 'paused' && record && sameLangs(record.langs, langs)) label = 'save.resume';
    if (state === 'stale' && record && sameLangs(record.langs, langs)) label = 'save.update';
    start.textContent = text(label);
    // Saved, and these languages: nothing to do.
    start.hidden = state === 'saved' && record !== undefined && sameLangs(record.langs, langs);
    status.textContent = message;
  };

  /** The state the stored record and the current build make. */
  const settle = () => {
    if (!record) return show('idle');
    if (!record.complete) return show('paused', text('save.paused'));
    const langs = langList(record.langs, s, locale);
    if (summary && record.version !== summary.version) return show('stale', text('save.stale'));
    show('saved', text('save.done', { langs, date: savedDate(record.date, locale) }));
  };

  const run = async () => {
    const langs = chosen();
    if (langs.length === 0 || running) return;
    running = new AbortController();
    show('saving', text('save.saving'));
    note.textContent = '';
    try {
      const kept = await askPersistence();
      note.textContent = text(kept ? 'save.persisted' : 'save.notPersisted');
      record = await saveAtlas(base, langs, running.signal, showProgress);
      settle();
    } catch (error) {
      record = await readRecord(base);
      if (running.signal.aborted) show('paused', text('save.paused'));
      else if (error instanceof NoSpaceError)
        show('failed', text('save.noSpace', { needed: mb(error.needed), free: mb(error.free) }));
      else show('failed', text('save.failed', { error: String(error) }));
    } finally {
      running = undefined;
      window.dispatchEvent(new Event(SAVED_EVENT));
    }
  };

  start.addEventListener('click', () => void run());
  cancel.addEventListener('click', () => running?.abort());
  remove.addEventListener('click', () => {
    void removeSaved().then(() => {
      record = undefined;
      show('idle', text('save.removed'));
      window.dispatchEvent(new Event(SAVED_EVENT));
    });
  });
  for (const box of boxes) {
    box.addEventListener('change', () => {
      showSize();
      if (!running) settle();
    });
  }

  void Promise.all([loadSummary(base).catch(() => undefined), readRecord(base)]).then(
    ([loaded, stored]) => {
      summary = loaded;
      record = stored;
      // A save that stopped resumes with the languages it was saving.
      if (record && !record.complete) {
        for (const box of boxes) box.checked = record.langs.includes(box.value as SaveLang);
      }
      showSize();
      settle();
      root.hidden = false;
    },
  );
}
