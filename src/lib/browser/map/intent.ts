/**
 * The facade of the map page: the static map stands for the interactive one
 * until the reader shows intent to use it, so MapLibre (its script, CSS,
 * worker and WebGL start, single long tasks that cannot be split) costs
 * nothing to a reader who only reads the list. Intent is the pointer entering
 * or pressing the map, a wheel or a touch on it, keyboard focus reaching it
 * (its button), or a press of that button.
 */

const EVENTS = ['pointerenter', 'pointerdown', 'wheel', 'touchstart', 'focusin'] as const;

/**
 * Calls `onIntent` once, at the first sign of intent on `area` (the box of the
 * static map) or on `button`, then stops listening. Returns a function that
 * stops listening without calling it.
 */
export function onMapIntent(
  area: HTMLElement,
  button: HTMLElement | null,
  onIntent: () => void,
): () => void {
  const controller = new AbortController();
  const options = { once: true, passive: true, signal: controller.signal };
  const fire = () => {
    controller.abort();
    onIntent();
  };
  for (const type of EVENTS) area.addEventListener(type, fire, options);
  button?.addEventListener('click', fire, options);
  return () => controller.abort();
}
