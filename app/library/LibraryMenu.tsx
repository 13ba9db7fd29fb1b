/**
 * The scenario library as a menu: each entry opens its scenario in place, run to
 * its end and paused. Each is also a link (`?scenario=<name>`), so it can be
 * opened in a new tab or copied.
 */
import { openLibraryScenario } from '../sim/actions.ts';
import { isPlainClick, useDropdown } from '../controls/useDropdown.ts';
import { useStore } from '../store/store.ts';
import { selectLibrary } from '../store/selectors.ts';

export function LibraryMenu() {
  const menu = useDropdown();
  const library = useStore(selectLibrary);
  return (
    <details className="dropdown" data-testid="library" ref={menu.ref} onToggle={menu.onToggle}>
      <summary title="Scenarios that show one Raft behaviour each, run to their end">Library ▾</summary>
      <ul className="dropdown-list">
        {library.map((s) => (
          <li key={s.name}>
            <a
              href={`?scenario=${encodeURIComponent(s.param)}`}
              data-testid={`library-${s.name}`}
              onClick={(e) => {
                if (!isPlainClick(e)) return;
                e.preventDefault();
                menu.close();
                openLibraryScenario(s);
              }}
            >
              <span className="dropdown-title">{s.title}</span>
              {s.description ? <span className="dropdown-description">{s.description}</span> : null}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
