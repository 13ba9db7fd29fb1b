/** The guided tours, as a menu in the toolbar. Each entry is also a link (`?tour=<name>`). */
import { isPlainClick } from '../controls/useDropdown.ts';
import { Dropdown } from '../controls/Dropdown.tsx';
import { startTour } from './tourActions.ts';
import { tourSearch } from './tourLink.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { selectTours } from '../store/selectors.ts';
import { useSession } from '../session/useSession.ts';

export function TourMenu() {
  const session = useSession();
  const tours = useAppStore(selectTours);
  return (
    <Dropdown testId="tour-menu" label="Tours" title="Guided tours: Raft's ideas one step at a time, on the live simulation" ordered>
      {(close) =>
        tours.map((t) => (
          <li key={t.name}>
            <a
              href={tourSearch(t.name, 0)}
              data-testid={`tour-start-${t.name}`}
              onClick={(e) => {
                if (!isPlainClick(e)) return;
                e.preventDefault();
                close();
                startTour(session, t);
              }}
            >
              <span className="dropdown-title">
                {t.number}. {t.title} <span className="muted">· {t.steps.length} steps</span>
              </span>
              {t.description ? <span className="dropdown-description">{t.description}</span> : null}
            </a>
          </li>
        ))
      }
    </Dropdown>
  );
}
