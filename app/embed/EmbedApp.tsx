/**
 * The chrome-less view for slides and iframes (`?embed=1`): the cluster and the
 * logs side by side (stacked when narrow), the playback controls, and a link to
 * open the same run in the full app. Any `?scenario=`, `?tour=` or `#v1.` link
 * works with it; the keyboard shortcuts work too.
 */
import { useSimulationPage } from '../hooks/useSimulationPage.ts';
import { PlaybackControls } from '../controls/PlaybackControls.tsx';
import { ErrorBanner } from '../controls/ErrorBanner.tsx';
import { NoticeBanner } from '../controls/NoticeBanner.tsx';
import { ClusterView } from '../cluster/ClusterView.tsx';
import { ConfigLine } from '../membership/ConfigLine.tsx';
import { ClusterKey } from '../cluster/ClusterKey.tsx';
import { ClusterAnnouncer } from '../cluster/ClusterAnnouncer.tsx';
import { RulesInForce } from '../safety/RulesInForce.tsx';
import { LogView } from '../log/LogView.tsx';
import { WhyTooltip } from '../explain/WhyTooltip.tsx';
import { fullAppUrl } from './embedMode.ts';
import './embed.css';

export function EmbedApp() {
  useSimulationPage();
  return (
    <div className="embed" data-testid="embed">
      <header className="embed-bar">
        <PlaybackControls />
        <a className="embed-open" href={fullAppUrl(window.location.href)} target="_blank" rel="noopener noreferrer" data-testid="embed-open">
          raftviz ↗
        </a>
      </header>
      <ErrorBanner />
      <NoticeBanner />
      <main className="embed-main">
        <section className="panel cluster-panel" aria-label="Cluster">
          <RulesInForce />
          <ConfigLine />
          <ClusterView />
          <ClusterKey />
          <ClusterAnnouncer />
        </section>
        <section className="panel log-panel" aria-label="Logs">
          <LogView />
        </section>
      </main>
      <WhyTooltip />
    </div>
  );
}
