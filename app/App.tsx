/** The main screen: controls on top; the cluster and its logs first, the explanations beside them, the rest below (app/layout/Panel.tsx). */
import { lazy, Suspense } from 'react';
import { useSimulationPage } from './hooks/useSimulationPage.ts';
import { PlaybackControls } from './controls/PlaybackControls.tsx';
import { ClusterSetup } from './controls/ClusterSetup.tsx';
import { ClusterActions } from './controls/ClusterActions.tsx';
import { ErrorBanner } from './controls/ErrorBanner.tsx';
import { NoticeBanner } from './controls/NoticeBanner.tsx';
import { LibraryMenu } from './library/LibraryMenu.tsx';
import { ShareBar, ShareButton } from './share/ShareBar.tsx';
import { ExportMenu } from './export/ExportMenu.tsx';
import { TimeTravelBar } from './controls/TimeTravelBar.tsx';
import { RestoreBanner } from './share/RestoreBanner.tsx';
import { KeepWarning } from './share/KeepWarning.tsx';
import { ClusterView } from './cluster/ClusterView.tsx';
import { ConfigLine } from './membership/ConfigLine.tsx';
import { TrafficStatus } from './cluster/TrafficStatus.tsx';
import { SafetyPanel } from './safety/SafetyPanel.tsx';
import { RulesInForce } from './safety/RulesInForce.tsx';
import { RuleSwitches } from './controls/RuleSwitches.tsx';
import { ClusterKey } from './cluster/ClusterKey.tsx';
import { LogKey } from './log/LogKey.tsx';
import { SelectionPanel } from './inspector/SelectionPanel.tsx';
import { LogView } from './log/LogView.tsx';
import { EventList } from './events/EventList.tsx';
import { ScriptPanel } from './script/ScriptPanel.tsx';
import { WhyTooltip } from './explain/WhyTooltip.tsx';
import { TourMenu } from './tour/TourMenu.tsx';
import { WelcomeCard } from './tour/WelcomeCard.tsx';
import { Panel } from './layout/Panel.tsx';
import { HistoryPanel } from './history/HistoryPanel.tsx';
import type { Store } from './store/store.ts';

/* The details panel opens on a selection; collapsing it deselects. */
const selectSomethingSelected = (s: Store): boolean => s.selection !== null;
const deselect = (s: Store): void => s.select(null);

/*
 * The Explain panel comes in its own chunk, fetched as soon as the page
 * renders: the first cluster is drawn without waiting for it, and the entry
 * script stays small. (So do the words of the hover explanations: useWhyText.)
 */
const ExplainPanel = lazy(() => import('./explain/ExplainPanel.tsx').then((m) => ({ default: m.ExplainPanel })));

/* The same for the tour panel (shown only during a tour) and the legend (below the first screen). */
const TourPanel = lazy(() => import('./tour/TourPanel.tsx').then((m) => ({ default: m.TourPanel })));
const Legend = lazy(() => import('./legend/Legend.tsx').then((m) => ({ default: m.Legend })));
/* And for the shortcuts list (opened with ?), the cluster's words for screen readers, and the term timeline (with its d3 scales). */
const TermTimeline = lazy(() => import('./timeline/TermTimeline.tsx').then((m) => ({ default: m.TermTimeline })));
const ShortcutHelp = lazy(() => import('./help/ShortcutHelp.tsx').then((m) => ({ default: m.ShortcutHelp })));
const ClusterAnnouncer = lazy(() => import('./cluster/ClusterAnnouncer.tsx').then((m) => ({ default: m.ClusterAnnouncer })));

export function App() {
  useSimulationPage();
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <h1>raftviz</h1>
          <span className="tagline">Raft consensus, step by step</span>
        </div>
        <PlaybackControls />
        <ClusterSetup />
        <ClusterActions />
        <div className="control-group scenario-actions">
          <TourMenu />
          <LibraryMenu />
          <ShareButton />
          <ExportMenu />
        </div>
        <RuleSwitches />
      </header>
      <TimeTravelBar />
      <ShareBar />
      <ErrorBanner />
      <NoticeBanner />
      <RestoreBanner />
      <KeepWarning />
      <Suspense fallback={null}>
        <ShortcutHelp />
      </Suspense>
      <Suspense fallback={null}>
        <TourPanel />
      </Suspense>
      <main className="layout">
        {/*
         * On a wide screen: the cluster and its logs side by side, with the explanations in a
         * column on the right that stays in view; the wide panels (history, term timeline,
         * script) under the first two. On a narrow one the columns dissolve and the panels
         * stack in reading order: cluster, logs, explanations, then the rest.
         */}
        <div className="column column-cluster">
          <Panel id="cluster" className="cluster-panel" title="Cluster" note="colour = term · click a node or a link">
            <RulesInForce />
            <ConfigLine />
            <ClusterView />
            <ClusterKey />
            <TrafficStatus />
          </Panel>
          {/* The drawing's changes in words, for screen readers: outside the panel, so it speaks even while the panel is collapsed. */}
          <Suspense fallback={null}>
            <ClusterAnnouncer />
          </Suspense>
          <Panel id="legend" className="legend-panel" title="Legend" note="every shape and colour of the page">
            <Suspense fallback={null}>
              <Legend />
            </Suspense>
          </Panel>
        </div>
        <div className="column column-logs">
          <Panel id="logs" className="log-panel" title="Logs" note="row = node · column = index · number = term">
            <LogKey />
            <LogView />
          </Panel>
          <Panel id="safety" className="safety-panel" title="Safety" note="Raft's guarantees, checked after every event">
            <SafetyPanel />
          </Panel>
        </div>
        <div className="column column-side">
          {/* A first visit's offer of the tours: beside the cluster on a wide screen, so the cluster and its logs stay on the first screen; first of all on a narrow one. */}
          <WelcomeCard />
          <Panel id="explain" className="explain-panel" testId="explain" title="Explain" note="what just happened, and why">
            <Suspense fallback={<p className="muted">Loading the explanations…</p>}>
              <ExplainPanel />
            </Suspense>
          </Panel>
          <Panel
            id="selection"
            className="selection-panel"
            title="Details"
            note="click a node or a message"
            openWhile={selectSomethingSelected}
            onCollapse={deselect}
          >
            <SelectionPanel />
          </Panel>
          <Panel id="events" className="events-panel" title="What happened" note="newest first">
            <EventList />
          </Panel>
        </div>
        <Panel id="history" className="history-panel wide-panel" title="History" note="client operations, one lane per client">
          <HistoryPanel />
        </Panel>
        <Panel
          id="timeline"
          className="timeline-panel wide-panel"
          title="Term timeline"
          note="tall bar = leader · dashed = candidate · thin = follower · hatched = crashed"
        >
          <Suspense fallback={null}>
            <TermTimeline />
          </Suspense>
        </Panel>
        <Panel id="script" className="script-panel wide-panel" title="Script" note="everything you did, as a scenario that replays exactly">
          <ScriptPanel />
        </Panel>
      </main>
      {/* The floating why-explanation of a hovered or focused node, entry or message; it renders into <body>. */}
      <WhyTooltip />
    </div>
  );
}
