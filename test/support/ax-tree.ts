/**
 * The page as a screen reader gets it: Chromium's own accessibility tree
 * (through the DevTools protocol), flattened to role, name and states.
 */
import type { Page } from 'playwright-core';

export interface AxNode {
  role: string;
  name: string;
  /** States and properties, e.g. { expanded: true, checked: 'true', focusable: true }. */
  props: Record<string, unknown>;
}

/** A CDP accessibility value as text: roles and names are strings (or numbers). */
const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

interface RawNode {
  ignored?: boolean;
  role?: { value?: unknown };
  name?: { value?: unknown };
  properties?: { name: string; value: { value?: unknown } }[];
}

/** Every node of the tree that is not ignored. */
export async function axTree(page: Page): Promise<AxNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: RawNode[] };
    return nodes
      .filter((n) => !n.ignored)
      .map((n) => ({
        role: text(n.role?.value),
        name: text(n.name?.value),
        props: Object.fromEntries((n.properties ?? []).map((p) => [p.name, p.value.value])),
      }));
  } finally {
    await cdp.detach();
  }
}

/** The disclosure (a `<summary>`) named `name`, as the tree exposes it. */
export async function disclosure(page: Page, name: string): Promise<AxNode | undefined> {
  return (await axTree(page)).find((n) => n.role === 'DisclosureTriangle' && n.name === name);
}
