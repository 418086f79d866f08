/**
 * Adds to each finding's citation line (`.finding__cite` in `#finding-<id>`)
 * a copy button per citation (`#finding-<id>-<style>`), which copies it with
 * the page's full reference in that style (`#ref-<style>`), and links to the finding's BibTeX, RIS and CSL-JSON
 * record, from the page's one `<template data-finding-tools>`. Call before
 * `enableCopyButtons`, which shows the buttons.
 */
export function addFindingTools(root: Document): void {
  const template = root.querySelector<HTMLTemplateElement>('template[data-finding-tools]');
  if (!template) return;
  const stem = template.dataset['stem'] ?? '';
  const button = template.content.querySelector('button');
  const links = [...template.content.querySelectorAll<HTMLAnchorElement>('a[data-ext]')];
  for (const line of root.querySelectorAll<HTMLElement>('.finding__cite')) {
    const anchor = line.closest('.finding')?.id ?? '';
    const finding = anchor.slice('finding-'.length);
    for (const cite of line.querySelectorAll<HTMLElement>(`span[id^="${anchor}-"]`)) {
      if (!button) break;
      const copy = button.cloneNode(true) as HTMLButtonElement;
      copy.dataset['copy'] = `${cite.id} ref-${cite.id.slice(anchor.length + 1)}`;
      copy.hidden = true;
      cite.after(' ', copy);
    }
    for (const link of links) {
      const a = link.cloneNode(true) as HTMLAnchorElement;
      a.href = `${stem}${finding}.${a.dataset['ext'] ?? ''}`;
      a.setAttribute('download', '');
      line.append(' · ', a);
    }
  }
}
