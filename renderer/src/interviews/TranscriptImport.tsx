import { useId, useState } from 'react';
import { parseDocxTranscript, parseTranscript, type TranscriptResult } from '../../../shared/interviews/transcripts.ts';
import type { Editor } from '../editor/editor.ts';
import { addTranscript, transcriptSummary } from './transcript-actions.ts';

type Read = { fileName: string; result: TranscriptResult } | { fileName: string; reading: true };

/** Reads the file in the browser: nothing reaches the workshop until the summary is confirmed. */
async function readTranscript(file: File): Promise<TranscriptResult> {
  try {
    if (/\.docx$/i.test(file.name)) return await parseDocxTranscript(file.name, new Uint8Array(await file.arrayBuffer()));
    return parseTranscript(file.name, await file.text());
  } catch {
    // The parsers name the line for what they understand; anything else is the file's fault too.
    return { ok: false, error: `'${file.name}' could not be read as a transcript.` };
  }
}

/**
 * "Import transcript…": a WebVTT, SRT, plain-text or Word transcript from Teams, Zoom or
 * a transcription service, read here, summarised in one line ("212 passages, 4 speakers,
 * 58 min") or refused with the parser's sentence, and added on confirm as one change.
 */
export function TranscriptImport({ editor, interviewId, interviewCode, again }: { editor: Editor; interviewId: string; interviewCode: string; again: boolean }) {
  const inputId = useId();
  const [read, setRead] = useState<Read | null>(null);
  const label = again ? 'Add another transcript…' : 'Import transcript…';

  const confirm = (result: Extract<TranscriptResult, { ok: true }>) => {
    const added = addTranscript(editor.state.records, interviewId, result.passages);
    if (!editor.perform(added)) return;
    editor.seal();
    // No Undo button here: within the notice's seconds a note made from the transcript would be the step it undid.
    editor.showNotice({ kind: 'info', message: `Added ${added!.count} transcript passages to ${interviewCode}.` });
    setRead(null);
  };

  return (
    <div className="transcript-import">
      <label className="file-button" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept=".vtt,.srt,.txt,.docx,text/vtt,text/plain"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          // The same file chosen again (after a fix) must fire a change again.
          e.target.value = '';
          if (!file) return;
          setRead({ fileName: file.name, reading: true });
          const result = await readTranscript(file);
          setRead({ fileName: file.name, result });
        }}
      />
      {read && 'reading' in read && (
        <p className="transcript-summary muted" role="status">
          Reading {read.fileName}…
        </p>
      )}
      {read && 'result' in read && !read.result.ok && (
        <div className="transcript-summary transcript-error" role="alert">
          <span>{read.result.error} Nothing was added.</span>
          <button className="link" onClick={() => setRead(null)}>
            Dismiss
          </button>
        </div>
      )}
      {read && 'result' in read && read.result.ok && (
        <div className="transcript-summary" role="status">
          <span>
            <strong>{read.fileName}</strong>: {transcriptSummary(read.result.passages)}
          </span>
          <span className="transcript-summary-actions">
            <button className="primary" onClick={() => read.result.ok && confirm(read.result)}>
              Add to {interviewCode}
            </button>
            <button className="link" onClick={() => setRead(null)}>
              Cancel
            </button>
          </span>
        </div>
      )}
    </div>
  );
}
