import { useEffect, useRef, useState } from 'react';
import type { Editor } from '../editor/editor.ts';
import type { Platform } from '../platform/platform.ts';
import { bringInInterviews, type BringInResult } from './reload.ts';

/**
 * At the foot of the samples: the interviews held on another copy of this workshop (an
 * interviewer's laptop) brought in, and one sentence on what came and what could not.
 */
export function BringInInterviews({ editor, platform }: { editor: Editor; platform: Platform }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BringInResult | null>(null);
  const said = useRef<HTMLParagraphElement>(null);
  // The column scrolls; the sentence that says what happened must not stay below its fold.
  // (A block body: newer Chromium returns a promise from scrollIntoView, not a cleanup.)
  useEffect(() => {
    said.current?.scrollIntoView({ block: 'nearest' });
  }, [result]);
  const bringIn = async () => {
    const path = await platform.shell.pickWorkshopToOpen();
    if (!path) return;
    setBusy(true);
    setResult(null);
    try {
      setResult(await bringInInterviews(editor, path));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="bring-in">
      <button onClick={() => void bringIn()} disabled={busy} title="Add the interviews, notes and transcripts of another copy of this workshop file">
        {busy ? 'Bringing interviews in…' : 'Bring in interviews from another file…'}
      </button>
      {result && (
        <p ref={said} className={`bring-in-result small ${result.ok ? '' : 'failed'}`} role={result.ok ? 'status' : 'alert'}>
          <span>{result.message}</span>
          <button className="link" aria-label="Dismiss the result" onClick={() => setResult(null)}>
            ×
          </button>
        </p>
      )}
    </div>
  );
}
