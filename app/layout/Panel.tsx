/**
 * One panel of the main screen: a section named by its heading, a note beside
 * the title, and a body that a disclosure button in the heading collapses.
 *
 * The button holds the title, so the whole title is the target, its name is the
 * panel's name, and `aria-expanded` says whether the body (`aria-controls`) is
 * shown. A collapsed body stays mounted but `hidden`: what it holds (a scroll
 * position, a draft) is there again when it opens, and it takes no space, so
 * the panels around it close up.
 */
import type { ReactNode } from 'react';
import { useSession } from '../session/useSession.ts';
import { useAppStore } from '../store/useAppStore.ts';
import type { PanelId } from '../store/layoutSlice.ts';
import type { Store } from '../store/store.ts';

const neverForced = (): boolean => false;

interface PanelProps {
  /** The panel's entry in the store; also names its heading (`h-<id>`) and body (`panel-<id>`) unless `headingId` is given. */
  readonly id: PanelId;
  readonly title: string;
  /** A short hint beside the title, in muted type. */
  readonly note?: ReactNode;
  /** The section's class, e.g. `cluster-panel`: the stylesheet, the e2e tests and the embedded view find panels by it. */
  readonly className: string;
  readonly headingId?: string;
  readonly testId?: string;
  /**
   * Open whatever the stored state says while this holds (the details panel
   * opens when something is selected); collapsing it then calls `onCollapse`
   * first, which should make it false (deselect).
   */
  readonly openWhile?: (s: Store) => boolean;
  readonly onCollapse?: (s: Store) => void;
  readonly children: ReactNode;
}

export function Panel({ id, title, note, className, headingId = `h-${id}`, testId, openWhile = neverForced, onCollapse, children }: PanelProps) {
  const store = useSession().store;
  const collapsed = useAppStore((s) => s.collapsed[id]);
  const forced = useAppStore(openWhile);
  const open = forced || !collapsed;
  const bodyId = `panel-${id}`;
  const toggle = () => {
    if (open) onCollapse?.(store.getState());
    store.getState().setCollapsed(id, open);
  };
  return (
    <section className={`panel ${className}${open ? '' : ' collapsed'}`} aria-labelledby={headingId} data-testid={testId} data-panel={id}>
      <h2 id={headingId} className="panel-heading">
        <button
          type="button"
          className="panel-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          data-testid={`toggle-${id}`}
          title={open ? `Collapse ${title}` : `Show ${title}`}
          onClick={toggle}
        >
          <span className="panel-chevron" aria-hidden="true" />
          {title}
        </button>
        {note !== undefined && <span className="panel-note">{note}</span>}
      </h2>
      <div id={bodyId} className="panel-body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
