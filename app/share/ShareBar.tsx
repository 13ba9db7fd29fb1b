/** The link Share made, read-only and selectable, with whether it reached the clipboard. */
import { useAppStore } from '../store/useAppStore.ts';
import { selectShare } from '../store/selectors.ts';
import { closeShare, shareRun } from './share.ts';
import { MAX_SCRIPT_CHARS } from './shareCodec.ts';
import { useSession } from '../session/useSession.ts';

const STATUS = {
  copying: 'Copying…',
  copied: 'Copied to the clipboard.',
  'not-copied': 'The browser did not let the page copy it: select the link and copy it.',
  'too-large': `This run is too long to share as a link (the script is over ${MAX_SCRIPT_CHARS.toLocaleString('en')} characters).`,
} as const;

export function ShareButton() {
  const session = useSession();
  return (
    <button data-testid="share" onClick={() => void shareRun(session)} title="Pause and make a link that opens this run at this moment">
      Share link
    </button>
  );
}

export function ShareBar() {
  const session = useSession();
  const share = useAppStore(selectShare);
  if (share === null) return null;
  return (
    <div className="share-bar" data-testid="share-bar" data-status={share.status}>
      <label className="share-label" htmlFor="share-url">
        Link to this run at {share.time} ms, event #{share.event}
      </label>
      {share.url !== null ? (
        <input
          id="share-url"
          data-testid="share-url"
          className="share-url"
          readOnly
          value={share.url}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
        />
      ) : null}
      <span className="share-status" role="status">
        {STATUS[share.status]}
      </span>
      <button onClick={() => closeShare(session)} aria-label="Close" data-testid="close-share">
        ✕
      </button>
    </div>
  );
}
