/**
 * One client (§8): a box, not a disc, under the ring. Inside, its name and the
 * leader it believes in (⇢ n2); under it, the request it waits on and how many
 * copies it has sent, and a bar that fills until it gives up waiting and sends
 * the request again (the painter moves it every frame). Clicking it, or Enter,
 * opens its inspector, where it can be given an operation.
 */
import { memo, useCallback } from 'react';
import type { ClientId } from '../../engine/types.ts';
import { CLIENT_BOX, type NodePlace } from '../geometry/clusterLayout.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { selectClient } from '../store/selectors.ts';
import type { ClusterPainter } from './clusterPainter.ts';
import { clientName, progressLine, requestLine } from './clientWords.ts';
import { useSession } from '../session/useSession.ts';

interface Props {
  readonly id: ClientId;
  readonly place: NodePlace;
  readonly painter: ClusterPainter;
  readonly selected: boolean;
}

const W = CLIENT_BOX.width;
const H = CLIENT_BOX.height;

export const ClientGlyph = memo(function ClientGlyph({ id, place, painter, selected }: Props) {
  const session = useSession();
  const client = useAppStore(selectClient(id));
  const registerBar = useCallback((el: SVGRectElement | null) => painter.clientBar(id, el), [painter, id]);
  if (client === undefined) return null;
  const waiting = client.pending !== null;
  const retried = waiting && client.pending!.attempts > 1;
  const select = (): void => session.store.getState().select({ kind: 'client', id });
  return (
    <g
      data-testid={`client-${id}`}
      data-pending={client.pending?.serial ?? ''}
      data-attempts={client.pending?.attempts ?? 0}
      data-leader-guess={client.leaderGuess ?? ''}
      className={`client${waiting ? ' waiting' : ''}${retried ? ' retried' : ''}${selected ? ' selected' : ''}`}
      transform={`translate(${place.x},${place.y})`}
      onClick={select}
      onKeyDown={(e) => {
        if (e.key === 'Enter') select();
      }}
      role="button"
      tabIndex={0}
      aria-label={clientName(client)}
    >
      <title>{clientName(client)}</title>
      {selected && <rect className="client-selection" x={-W / 2 - 7} y={-H / 2 - 7} width={W + 14} height={H + 14} rx={10} />}
      <rect className="client-focus" x={-W / 2 - 11} y={-H / 2 - 11} width={W + 22} height={H + 22} rx={12} />
      <rect className="client-body" x={-W / 2} y={-H / 2} width={W} height={H} rx={5} />
      <text className="client-id" y={-1}>
        {id}
      </text>
      <text className="client-guess" y={18}>
        {`⇢ ${client.leaderGuess ?? '?'}`}
      </text>
      {waiting && <rect className="client-timer-track" x={-W / 2} y={H / 2 + 3} width={W} height={6} rx={2} />}
      <rect ref={registerBar} className="client-timer-bar" x={-W / 2} y={H / 2 + 3} height={6} rx={2} />
      <text className="client-request" y={H / 2 + 28}>
        {requestLine(client)}
      </text>
      <text className="client-progress" y={H / 2 + 48}>
        {progressLine(client)}
      </text>
    </g>
  );
});
