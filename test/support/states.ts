/**
 * States of the site a reader only reaches by interacting, which the audits
 * (axe, CSP) must also cover. Each `reach` drives the page there from the
 * language root URL and fails if it cannot.
 */
import type { Page } from 'playwright-core';

export interface InteractiveState {
  name: string;
  reach: (page: Page, root: string) => Promise<void>;
}

export const INTERACTIVE_STATES: InteractiveState[] = [];
