/**
 * Export: the run as files other tools open. The scenario (.txt, for `npm run
 * scenario` and the script editor), pictures of the cluster and the logs with
 * their legends (SVG for slides and papers, PNG for anything), and, made by the
 * worker from the run's script, a ShiViz log and a JSON trace.
 */
import { isPlainClick } from '../controls/useDropdown.ts';
import { Dropdown } from '../controls/Dropdown.tsx';
import './export.css';
import { exportFromRun, exportImage, exportScript, type ImageFormat, type Picture } from './exportActions.ts';
import type { Session } from '../session/session.ts';
import { useSession } from '../session/useSession.ts';

interface Item {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  readonly run: (session: Session) => void;
}

const picture = (p: Picture, f: ImageFormat, label: string): Item => ({
  id: `export-${p}-${f}`,
  label,
  hint: f === 'svg' ? 'a vector image, with its legend' : 'a picture at twice the screen size, with its legend',
  run: (session) => void exportImage(session, p, f),
});

const ITEMS: readonly Item[] = [
  { id: 'export-txt', label: 'Scenario (.txt)', hint: 'the script: it replays exactly, here or in npm run scenario', run: exportScript },
  picture('cluster', 'svg', 'Cluster view (SVG)'),
  picture('cluster', 'png', 'Cluster view (PNG)'),
  picture('logs', 'svg', 'Logs (SVG)'),
  picture('logs', 'png', 'Logs (PNG)'),
  { id: 'export-shiviz', label: 'ShiViz log', hint: 'every event with its vector clock, for the ShiViz space-time diagram', run: (session) => exportFromRun(session, 'shiviz') },
  { id: 'export-trace', label: 'JSON trace', hint: 'every event record with its time (versioned schema)', run: (session) => exportFromRun(session, 'trace') },
];

export function ExportMenu() {
  const session = useSession();
  return (
    <Dropdown testId="export-menu" label="Export" title="Save the run, pictures of it, or traces for other tools">
      {(close) =>
        ITEMS.map((item) => (
          <li key={item.id}>
            <button
              className="dropdown-item"
              data-testid={item.id}
              onClick={(e) => {
                if (!isPlainClick(e)) return;
                close();
                item.run(session);
              }}
            >
              <span className="dropdown-title">{item.label}</span>
              <span className="dropdown-description">{item.hint}</span>
            </button>
          </li>
        ))
      }
    </Dropdown>
  );
}
