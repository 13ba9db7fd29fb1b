import { describe, expect, it } from 'vitest';
import { SimClient, type SimClientHandlers } from '../sim/simClient.ts';
import type { Cursor } from '../worker/protocol.ts';
import { Session, type SessionOptions } from './session.ts';
import { crash, healAll, newCluster, propose, restartLeader, setTimers, toggleLink, dropMessage } from '../sim/actions.ts';

/** A client with no worker: it keeps what the session sent, and lets the test answer as the worker would. */
class RecordingClient extends SimClient {
  readonly sent: string[] = [];
  readonly loads: string[] = [];
  constructor(readonly answer: SimClientHandlers) {
    super(answer);
  }
  override start(): void {}
  override restart(): void {}
  override command(text: string): void {
    this.sent.push(text);
  }
  override load(text: string, _at?: { cursor?: Cursor; afterLine?: number }): void {
    this.loads.push(text);
  }
}

/** A session over a recording client; embedded, so nothing touches the browser's storage or address bar. */
function makeSession(open: SessionOptions['open'] = (s) => s.openDefault()): { session: Session; client: RecordingClient } {
  let client: RecordingClient | null = null;
  const session = new Session({
    embedded: true,
    open,
    client: (h) => (client = new RecordingClient(h)),
  });
  if (client === null) throw new Error('no client made');
  return { session, client };
}

describe('Session', () => {
  it('each session has its own store', () => {
    const a = makeSession().session;
    const b = makeSession().session;
    a.play();
    expect(a.store.getState().playing).toBe(true);
    expect(b.store.getState().playing).toBe(false);
    expect(a.store).not.toBe(b.store);
  });

  it('sends the user actions as commands formatted by the engine', () => {
    const { session, client } = makeSession();
    crash(session, 'n2');
    setTimers(session, 'align');
    toggleLink(session, 'n1', 'n3');
    healAll(session);
    dropMessage(session, 17);
    propose(session, 'leader');
    newCluster(session, 3, 7);
    newCluster(session, 3, 1);
    expect(client.sent).toEqual(['crash n2', 'timers align', 'cut n1 n3', 'heal', 'drop m17', 'propose leader v1', 'cluster nodes=3 seed=7', 'cluster nodes=3']);
  });

  it('restarting the leader is one change of two lines, and says so when there is none', () => {
    const { session, client } = makeSession();
    restartLeader(session);
    expect(client.sent).toEqual([]);
    expect(session.store.getState().notice?.message).toMatch(/no leader/);
    session.store.setState({ leader: 'n4' });
    restartLeader(session);
    expect(client.sent).toEqual(['crash n4\nrestart n4']);
  });

  it('the default page opens paused, and a Play pressed before it opened is not undone', () => {
    const { session, client } = makeSession();
    expect(session.store.getState().playing).toBe(false);
    session.play();
    client.answer.ready();
    expect(client.sent).toEqual(['cluster nodes=5']);
    expect(session.store.getState().playing).toBe(true);
  });

  it('the first run the page opens keeps the Play the user pressed before it; any other opens paused', () => {
    const { session, client } = makeSession();
    session.play();
    session.openScript({ text: 'cluster nodes=3', label: 'The link', byPage: true });
    expect(session.store.getState().playing).toBe(true);
    session.openScript({ text: 'cluster nodes=3', label: 'Your script' });
    expect(session.store.getState().playing).toBe(false);
    // A link pasted into the address bar of a page already showing a run opens paused, whatever was pressed.
    session.store.setState({ loaded: true });
    session.play();
    session.openScript({ text: 'cluster nodes=3', label: 'The link', byPage: true });
    expect(session.store.getState().playing).toBe(false);
    expect(client.loads).toHaveLength(3);
    session.stop();
  });

  it('playing the page starts by itself yields to a Play or Pause pressed since it was asked for', () => {
    const { session } = makeSession();
    const mark = session.playMark();
    session.pause();
    session.autoplay(mark);
    expect(session.store.getState().playing).toBe(false);
    const later = session.playMark();
    session.autoplay(later);
    expect(session.store.getState().playing).toBe(true);
  });

  it('answers loads in order, and a refused first load falls back to the default cluster with a notice', () => {
    const { session, client } = makeSession();
    const answered: boolean[] = [];
    session.openScript({ text: 'nonsense', label: 'The link', then: (r) => answered.push(r.ok) });
    expect(session.loadPending).toBe(true);
    expect(session.store.getState().loading).toBe('The link');
    client.answer.loaded({ ok: false, text: 'nonsense', error: { line: 1, col: 1, message: 'unknown command "nonsense"' } });
    expect(answered).toEqual([false]);
    expect(session.loadPending).toBe(false);
    expect(session.store.getState().loading).toBeNull();
    expect(session.store.getState().notice?.message).toMatch(/^The link could not be opened: line 1, column 1: .*Showing the default cluster instead\.$/);
    expect(client.sent).toEqual(['cluster nodes=5']);
    session.stop();
  });
});
