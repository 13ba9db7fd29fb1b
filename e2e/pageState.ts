/** Everything the page shows of a simulation's state, read from the DOM's test ids, for comparing two pages. */
import type { Page } from '@playwright/test';

export interface PageState {
  time: string;
  event: string;
  nodes: string[];
  cells: string[];
  messages: string[];
  cuts: string[];
  /** Empty while the Script panel is being edited (the recording is not on the page then). */
  script: string;
}

export function pageState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const all = (selector: string): HTMLElement[] => [...document.querySelectorAll<HTMLElement>(selector)];
    const clock = document.querySelector<HTMLElement>('[data-testid="sim-time"]')!;
    return {
      time: clock.dataset.ms!,
      event: clock.dataset.event!,
      nodes: all('[data-testid^="node-"][data-role]').map((e) => `${e.dataset.testid} ${e.dataset.role} term ${e.dataset.term}`),
      cells: all('[data-testid^="entry-"]').map((e) => `${e.dataset.testid} term ${e.dataset.term} committed ${e.dataset.committed}`),
      messages: all('[data-testid="message"]').map((e) => `m${e.dataset.id} ${e.dataset.type} ${e.dataset.from}→${e.dataset.to}`),
      cuts: all('[data-testid^="link-"][data-cut="true"]').map((e) => e.dataset.testid!),
      script: document.querySelector('[data-testid="script"]')?.textContent ?? '',
    };
  });
}
