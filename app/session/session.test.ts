import { afterEach, describe, expect, it, vi } from 'vitest';
import { SimClient, type SimClientHandlers } from '../sim/simClient.ts';
import type { Cursor } from '../worker/protocol.ts';
import { LOAD_TIMEOUT_MS, Session, type SessionOptions } from './session.ts';
import type { LoadFailure } from '../sim/loadNotice.ts';
import { crash, healAll, newCluster, propose, restartLeader, setTimers, toggleLink, dropMessage } from '../sim/actions.ts';

/** A client with no worker: it keeps what the session sent, and lets the test answer as the worker would. */
class RecordingClient extends SimClient {
  readonly sent: string[] = [];
  readonly loads: string[] = [];
  constructor(readonly answer: SimClientHandlers) {
    super(answer);
  }
  cancels = 0;
  restarts = 0;
  override start(): void {}
  override restart(): void {
    this.restarts++;
  }
  override cancelLoad(): void {
    this.cancels++;
  }
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

describe('a load given up', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows its progress; the user cancels it, and the run on screen stays, with a note', () => {
    const { session, client } = makeSession();
    session.store.setState({ loaded: true, script: ['cluster nodes=3'] });
    const failures: LoadFailure[] = [];
    session.openScript({ text: 'cluster nodes=9\nrun 3600s', label: 'The link', failed: (why) => failures.push(why), then: () => failures.push({ kind: 'error', message: 'then' }) });
    client.answer.loadProgress({ unit: 'ms', done: 600_000, total: 3_600_000 });
    expect(session.store.getState().loadProgress).toEqual({ unit: 'ms', done: 600_000, total: 3_600_000 });
    session.cancelLoad();
    session.cancelLoad();
    expect(client.cancels).toBe(1);
    // Still loading until the worker answers.
    expect(session.loadPending).toBe(true);
    client.answer.loadCancelled();
    expect(failures).toEqual([{ kind: 'cancelled' }]);
    const s = session.store.getState();
    expect(s.loading).toBeNull();
    expect(s.loadProgress).toBeNull();
    expect(s.notice).toEqual({ tone: 'info', message: 'Loading the link was cancelled. Back to where you were.' });
    expect(client.sent).toEqual([]);
    session.stop();
  });

  it('a load that ends before the cancel reaches the worker is shown, and the next one can still be cancelled', () => {
    const { session, client } = makeSession();
    session.openScript({ text: 'cluster nodes=3\nrun 3600s', label: 'The link' });
    session.cancelLoad();
    client.answer.loaded({ ok: true, time: 3_600_000, event: 900_000, failure: null });
    expect(session.loadPending).toBe(false);
    expect(session.store.getState().notice).toBeNull();
    session.openScript({ text: 'cluster nodes=9\nrun 3600s', label: 'The link' });
    session.cancelLoad();
    expect(client.cancels).toBe(2);
    session.stop();
  });

  it('a load still running after the timeout is cancelled; with nothing on screen, the default cluster opens', () => {
    vi.useFakeTimers();
    const { session, client } = makeSession();
    const failures: LoadFailure[] = [];
    session.openScript({ text: 'cluster nodes=9\nrun 3600s', label: 'Your saved run', failed: (why) => failures.push(why) });
    vi.advanceTimersByTime(LOAD_TIMEOUT_MS - 1);
    expect(client.cancels).toBe(0);
    vi.advanceTimersByTime(1);
    expect(client.cancels).toBe(1);
    client.answer.loadCancelled();
    expect(failures).toEqual([{ kind: 'timeout', seconds: 20 }]);
    expect(session.store.getState().notice?.message).toBe('Your saved run took longer than 20 s to load, so it was stopped. Showing the default cluster instead.');
    expect(client.sent).toEqual(['cluster nodes=5']);
    // Nothing more happens once answered: no restart.
    vi.advanceTimersByTime(60_000);
    expect(client.restarts).toBe(0);
    session.stop();
  });

  it('a worker that does not give the load up is restarted, and the run on screen rebuilt', () => {
    vi.useFakeTimers();
    const { session, client } = makeSession();
    session.store.setState({ loaded: true, script: ['cluster nodes=3', 'crash n1'] });
    const failures: LoadFailure[] = [];
    session.openScript({ text: 'cluster nodes=9\nrun 3600s', label: 'The link', failed: (why) => failures.push(why) });
    session.cancelLoad();
    vi.advanceTimersByTime(10_000);
    expect(client.restarts).toBe(1);
    expect(failures).toEqual([{ kind: 'cancelled' }]);
    expect(session.loadPending).toBe(false);
    client.answer.ready();
    expect(client.sent).toEqual(['cluster nodes=3\ncrash n1']);
    session.stop();
  });

  it('a worker that fails during a load tells the load why', () => {
    const { session, client } = makeSession();
    const failures: LoadFailure[] = [];
    session.openScript({ text: 'cluster nodes=9\nrun 3600s', label: 'The link', failed: (why) => failures.push(why) });
    client.answer.failed('out of memory');
    expect(failures).toEqual([{ kind: 'error', message: 'out of memory' }]);
    session.stop();
  });
});
