/**
 * Copy-to-clipboard buttons: `<button data-copy="id">` copies the text of #id;
 * with several ids (`data-copy="a b"`) it copies each text on its own line.
 */
export function enableCopyButtons(root: ParentNode): void {
  const status = root.querySelector<HTMLElement>('[data-copy-status]');
  const message =
    root.querySelector<HTMLTemplateElement>('[data-copied-message]')?.content.textContent ?? '';
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    if (!navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      void copyTexts(button).then((copied) => {
        if (copied && status) status.textContent = message;
      });
    });
  }
}

/** Copies the texts of the elements a button names; false when there is nothing to copy. */
async function copyTexts(button: HTMLButtonElement): Promise<boolean> {
  const texts = (button.dataset['copy'] ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
    .filter((text) => text !== '');
  if (texts.length === 0) return false;
  await navigator.clipboard.writeText(texts.join('\n'));
  return true;
}
