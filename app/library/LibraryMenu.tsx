/**
 * The scenario library as a menu: each entry opens its scenario in place, run to
 * its end and paused. Each is also a link (`?scenario=<name>`), so it can be
 * opened in a new tab or copied.
 */
import { useRef } from 'react';
import { openLibraryScenario } from '../sim/actions.ts';
import { LIBRARY, type LibraryScenario } from './library.ts';

export function LibraryMenu() {
  const menu = useRef<HTMLDetailsElement>(null);
  const open = (s: LibraryScenario) => {
    if (menu.current !== null) menu.current.open = false;
    openLibraryScenario(s);
  };
  return (
    <details className="library-menu" data-testid="library" ref={menu}>
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
