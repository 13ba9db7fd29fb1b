/** Details of whatever is selected: a node, a client, a message, or a hint on how to select one. */
import { useAppStore } from '../store/useAppStore.ts';
import { selectSelection } from '../store/selectors.ts';
import { MessageInspector } from './MessageInspector.tsx';
import { NodeInspector } from './NodeInspector.tsx';
import { ClientInspector } from './ClientInspector.tsx';
import { useSession } from '../session/useSession.ts';

export function SelectionPanel() {
  const session = useSession();
  const selection = useAppStore(selectSelection);
  if (selection?.kind === 'node') return <NodeInspector key={selection.id} id={selection.id} />;
  if (selection?.kind === 'client') return <ClientInspector key={selection.id} id={selection.id} />;
  if (selection?.kind === 'message') return <MessageInspector key={selection.id} id={selection.id} />;
  return (
    <div className="inspector hint">
      <p className="intro">
        The servers elect a <strong>leader</strong> (crowned) by majority vote for a <strong>term</strong>; it copies client
        requests into every log, and an entry is <strong>committed</strong> once a majority stores it.
      </p>
      <p>
        <strong>Click a node</strong> to crash, restart or campaign it, or to send it a client request.
      </p>
      <p>
        <strong>Click a link</strong> to cut it; click again to restore it.
      </p>
      <p>
        <strong>Pause</strong> (Space) and <strong>click a message</strong> to see its fields or drop it.
      </p>
      <p>
        <strong>Drag the timeline strip</strong> (or press ←) to go back: acting in the past starts a new future, and Undo brings the old one back.
      </p>
      <p className="muted">
        Keys: Space play/pause · → / ← one event on / back · c client request · r restart the leader ·{' '}
        <button className="link-button" data-testid="open-shortcuts" onClick={() => session.store.getState().setHelpOpen(true)}>
          All keys
        </button>{' '}
        (<kbd>?</kbd>)
      </p>
    </div>
  );
}
