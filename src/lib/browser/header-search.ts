/**
 * The header's search box is a plain GET form to the search page. With
 * JavaScript it also answers to "/" (focus it from anywhere but a text
 * field) and, on the search page, shows the words being searched.
 */
export function enhanceHeaderSearch(doc: Document): void {
  const input = doc.querySelector<HTMLInputElement>('#site-search-q');
  if (!input) return;
  const form = input.form;
  if (form && new URL(form.action).pathname === location.pathname) {
    input.value = new URLSearchParams(location.search).get('q') ?? '';
  }
  doc.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement ||
      (target instanceof HTMLElement && target.isContentEditable)
    ) {
      return;
    }
    event.preventDefault();
    input.focus();
    input.select();
  });
}
