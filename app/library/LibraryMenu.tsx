/**
 * The scenario library as a menu: each entry opens its scenario in place, run to
 * its end and paused. Each is also a link (`?scenario=<name>`), so it can be
 * opened in a new tab or copied.
 */
import { openLibraryScenario } from '../sim/actions.ts';
import { isPlainClick } from '../controls/useDropdown.ts';
import { Dropdown } from '../controls/Dropdown.tsx';
import { useAppStore } from '../store/useAppStore.ts';
import { selectLibrary } from '../store/selectors.ts';
import { useSession } from '../session/useSession.ts';

export function LibraryMenu() {
  const session = useSession();
  const library = useAppStore(selectLibrary);
  return (
    <Dropdown testId="library" label="Library" title="Scenarios that show one Raft behaviour each, run to their end">
      {(close) =>
        library.map((s) => (
          <li key={s.name}>
            <a
              href={`?scenario=${encodeURIComponent(s.param)}`}
              data-testid={`library-${s.name}`}
              onClick={(e) => {
                if (!isPlainClick(e)) return;
                e.preventDefault();
                close();
                openLibraryScenario(session, s);
              }}
            >
              <span className="dropdown-title">{s.title}</span>
              {s.description ? <span className="dropdown-description">{s.description}</span> : null}
            </a>
          </li>
        ))
      }
    </Dropdown>
  );
}
