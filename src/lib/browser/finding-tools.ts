/**
 * Adds to each finding's citation line (`.finding__cite` in `#finding-<id>`)
 * a copy button per citation (`#finding-<id>-<style>`), which copies it with
 * the page's full reference in that style (`#ref-<style>`), and buttons that
 * download the finding's BibTeX, RIS and CSL-JSON record, from the page's one
 * `<template data-finding-tools>`. Call before `enableCopyButtons`, which
 * shows the copy buttons.
 *
 * The records come from the source's one file of findings' records
 * (`data-records`, fetched at the first download and kept): the download is
 * the finding's record exactly as a file of that format holds it. When the
 * file cannot be had (no network, and the page was not saved with the atlas),
 * the line says so.
 */
import { CITATION_FORMATS, isCitationFormat, type FindingRecords } from '../citation-formats';
import { saveFile } from './save';

export function addFindingTools(root: Document): void {
  const template = root.querySelector<HTMLTemplateElement>('template[data-finding-tools]');
  if (!template) return;
  const { records: url = '', source = '', unavailable = '' } = template.dataset;
  const copyButton = template.content.querySelector('button:not([data-ext])');
  const downloads = [...template.content.querySelectorAll<HTMLButtonElement>('button[data-ext]')];
  let file: Promise<FindingRecords> | undefined;
  const records = () => {
    file ??= fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return (await response.json()) as FindingRecords;
    });
    // A failure is not kept: the next click asks again (the network may be back).
    file.catch(() => (file = undefined));
    return file;
  };
  for (const line of root.querySelectorAll<HTMLElement>('.finding__cite')) {
    const anchor = line.closest('.finding')?.id ?? '';
    const finding = anchor.slice('finding-'.length);
    for (const cite of line.querySelectorAll<HTMLElement>(`span[id^="${anchor}-"]`)) {
      if (!copyButton) break;
      const copy = copyButton.cloneNode(true) as HTMLButtonElement;
      copy.dataset['copy'] = `${cite.id} ref-${cite.id.slice(anchor.length + 1)}`;
      copy.hidden = true;
      cite.after(' ', copy);
    }
    const status = root.createElement('span');
    status.setAttribute('role', 'status');
    for (const model of downloads) {
      const ext = model.dataset['ext'] ?? '';
      if (!isCitationFormat(ext)) continue;
      const button = model.cloneNode(true) as HTMLButtonElement;
      button.addEventListener('click', () => {
        status.textContent = '';
        void records()
          .then((all) => {
            const text = Object.hasOwn(all, finding) ? all[finding]?.[ext] : undefined;
            if (typeof text !== 'string') throw new Error(`${url}: no ${finding}.${ext}`);
            saveFile(`${source}-${finding}.${ext}`, text, CITATION_FORMATS[ext].type);
          })
          .catch(() => (status.textContent = unavailable));
      });
      line.append(' · ', button);
    }
    line.append(' ', status);
  }
}
