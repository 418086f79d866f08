/** Copy-to-clipboard buttons: `<button data-copy="id">` copies the text of #id. */
export function enableCopyButtons(root: ParentNode): void {
  const status = root.querySelector<HTMLElement>('[data-copy-status]');
  const message =
    root.querySelector<HTMLTemplateElement>('[data-copied-message]')?.content.textContent ?? '';
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    if (!navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      const target = document.getElementById(button.dataset['copy'] ?? '');
      if (!target) return;
      await navigator.clipboard.writeText(target.textContent?.trim() ?? '');
      if (status) status.textContent = message;
    });
  }
}
