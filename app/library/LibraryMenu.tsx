/**
 * The scenario library as a menu: each entry opens its scenario in place, run to
 * its end and paused. Each is also a link (`?scenario=<name>`), so it can be
 * opened in a new tab or copied.
 */
import { useEffect, useRef, type SyntheticEvent } from 'react';
import { openLibraryScenario } from '../sim/actions.ts';
import { LIBRARY, type LibraryScenario } from './library.ts';

/** The gap kept between the open list and the window's edges, in px. */
const MARGIN = 14;

/** Place the open list under its button, moved sideways as far as it must be to stay inside the window. */
function placeList(e: SyntheticEvent<HTMLDetailsElement>): void {
  const details = e.currentTarget;
  const list = details.querySelector<HTMLElement>('.library-list');
  if (!details.open || list === null) return;
  const anchor = details.getBoundingClientRect().left;
  const width = list.getBoundingClientRect().width;
  const left = Math.max(MARGIN, Math.min(anchor, window.innerWidth - MARGIN - width));
  list.style.left = `${left - anchor}px`;
}

export function LibraryMenu() {
  const menu = useRef<HTMLDetailsElement>(null);
  // A click elsewhere, or Escape, closes the list.
  useEffect(() => {
    const close = (e: Event): void => {
      const details = menu.current;
      if (details === null || !details.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !details.contains(e.target as Node)) details.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  const open = (s: LibraryScenario) => {
    if (menu.current !== null) menu.current.open = false;
    openLibraryScenario(s);
  };
  return (
    <details className="library-menu" data-testid="library" ref={menu} onToggle={placeList}>
      <summary title="Scenarios that show one Raft behaviour each, run to their end">Library ▾</summary>
      <ul className="library-list">
        {LIBRARY.map((s) => (
          <li key={s.name}>
            <a
              href={`?scenario=${encodeURIComponent(s.param)}`}
              data-testid={`library-${s.name}`}
              onClick={(e) => {
                // A plain click opens it here; a modified click (new tab, copy link) is the browser's.
                if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
                e.preventDefault();
                open(s);
              }}
            >
              <span className="library-title">{s.title}</span>
              {s.description ? <span className="library-description">{s.description}</span> : null}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
