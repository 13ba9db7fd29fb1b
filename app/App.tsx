/** The main screen: controls on top; the cluster, its logs, its history and its events below. */
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
      <WelcomeCard />
      <Suspense fallback={null}>
        <TourPanel />
      </Suspense>
      <main className="layout">
        {/* Three columns on a wide screen; on a narrow one the columns dissolve and the panels stack in reading order. */}
        <div className="column">
          <section className="panel cluster-panel" aria-labelledby="h-cluster">
            <h2 id="h-cluster">
              Cluster <span className="panel-note">colour = term · click a node or a link</span>
            </h2>
            <RulesInForce />
            <ClusterView />
            {/* The drawing's changes in words, for screen readers: leaders, crashes, partitions. */}
            <Suspense fallback={null}>
              <ClusterAnnouncer />
            </Suspense>
            <ClusterKey />
            <TrafficStatus />
          </section>
          <section className="panel legend-panel" aria-labelledby="h-legend">
            <h2 id="h-legend">Legend</h2>
            <Suspense fallback={null}>
              <Legend />
            </Suspense>
          </section>
        </div>
        <div className="column">
          <section className="panel log-panel" aria-labelledby="h-logs">
            <h2 id="h-logs">
              Logs <span className="panel-note">row = node · column = index · number = the entry's term</span>
            </h2>
            <LogKey />
            <LogView />
          </section>
          <section className="panel safety-panel" aria-labelledby="h-safety">
            <h2 id="h-safety">
              Safety <span className="panel-note">Raft's guarantees, checked after every event</span>
            </h2>
            <SafetyPanel />
          </section>
          <section className="panel timeline-panel" aria-labelledby="h-timeline">
            <h2 id="h-timeline">
              Term timeline <span className="panel-note">tall bar = leader · dashed = candidate · thin = follower · hatched = crashed</span>
            </h2>
            <Suspense fallback={null}>
              <TermTimeline />
            </Suspense>
          </section>
          <section className="panel script-panel" aria-labelledby="h-script">
            <h2 id="h-script">Script</h2>
            <ScriptPanel />
          </section>
        </div>
        <div className="column">
          <section className="panel explain-panel" aria-labelledby="h-explain" data-testid="explain">
            <h2 id="h-explain">
              Explain <span className="panel-note">what just happened, and the rule behind it</span>
            </h2>
            <Suspense fallback={<p className="muted">Loading the explanations…</p>}>
              <ExplainPanel />
            </Suspense>
            {/* The floating why-explanation of a hovered or focused node, entry or message; it renders into <body>. */}
            <WhyTooltip />
          </section>
          <section className="panel selection-panel" aria-label="Selection">
            <SelectionPanel />
          </section>
          <section className="panel events-panel" aria-labelledby="h-events">
            <h2 id="h-events">
              What happened <span className="panel-note">newest first</span>
            </h2>
            <EventList />
          </section>
        </div>
      </main>
    </div>
  );
}
