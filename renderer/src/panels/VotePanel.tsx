import { useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import { dotsLeft, rankVote, voteState } from '../../../shared/model/dot-votes.ts';
import { stagesOf, recordsOfType } from '../../../shared/model/document.ts';
import type { Editor } from '../editor/editor.ts';
import { roomStore } from '../room/room-store.ts';
import { setVoteFlags, startVote, type VoteScope } from '../room/vote-actions.ts';

/** Run a dot vote: choose what to vote on, who votes, how many dots; reveal; rank. */
export function VotePanel({ editor }: { editor: Editor }) {
  const voting = useStore(roomStore, (s) => s.voting);
  const votes = useStore(editor.store, useShallow((s) => recordsOfType(s.records, 'dot-vote').filter((r) => r.journeyId === s.journeyId)));
  return (
    <div className="vote-panel">
      {voting ? <OpenVote editor={editor} voteId={voting.voteId} /> : <NewVote editor={editor} />}
      {votes.length > 0 && (
        <section className="panel-section">
          <h3>Votes in this journey</h3>
          <ul className="vote-list">
            {votes
              .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
              .map((vote) => (
                <li key={vote.id}>
                  <button className="list-link" onClick={() => roomStore.setState({ voting: { voteId: vote.id, participantId: null } })}>
                    <span className="ranked-text">{vote.title || 'Dot vote'}</span>
                    <span className="ranked-meta">{vote.closed ? 'closed' : vote.revealed ? 'revealed' : 'open'}</span>
                  </button>
                </li>
              ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function NewVote({ editor }: { editor: Editor }) {
  const focus = useStore(editor.store, (s) => s.focus);
  const selection = useStore(editor.store, (s) => s.selection);
  const [scopeKind, setScopeKind] = useState<'lane' | 'stage' | 'cards'>('lane');
  const [dots, setDots] = useState(3);
  const [people, setPeople] = useState('Red, Blue, Green, Yellow');
  const scope = (): VoteScope | null => {
    const { records, journeyId } = editor.state;
    if (scopeKind === 'cards') return selection.length > 0 ? { kind: 'cards', cardIds: selection } : null;
    if (!focus || !journeyId) return null;
    if (scopeKind === 'lane') {
      const laneId = focus.kind === 'cell' ? focus.laneId : records[focus.id]?.type === 'lane' ? focus.id : null;
      return laneId ? { kind: 'lane', laneId } : null;
    }
    const stepOrStage = records[focus.kind === 'cell' ? focus.stepId : focus.id];
    const stageId = stepOrStage?.type === 'step' ? stepOrStage.stageId : stepOrStage?.type === 'stage' ? stepOrStage.id : stagesOf(records, journeyId)[0]?.id;
    return stageId ? { kind: 'stage', stageId } : null;
  };
  const where = (() => {
    const s = scope();
    if (scopeKind === 'cards') return s ? `${selection.length} selected ${selection.length === 1 ? 'card' : 'cards'}` : 'Shift+click the cards to vote on.';
    if (!s) return 'Select a card or cell first: the vote covers its lane or stage.';
    const record = editor.state.records[s.kind === 'lane' ? s.laneId : s.kind === 'stage' ? s.stageId : ''];
    return `Cards in the ${s.kind} “${record && 'name' in record ? record.name : ''}”`;
  })();
  return (
    <form
      className="panel-section"
      onSubmit={(e) => {
        e.preventDefault();
        const s = scope();
        if (!s) return editor.showNotice({ kind: 'info', message: where });
        const record = editor.state.records[s.kind === 'lane' ? s.laneId : s.kind === 'stage' ? s.stageId : ''];
        const title = s.kind === 'cards' ? 'Selected cards' : record && 'name' in record ? record.name : 'Dot vote';
        if (startVote(editor, { title, scope: s, dotsPerParticipant: dots, participants: people.split(',') })) editor.clearSelection();
      }}
    >
      <h3>New dot vote</h3>
      <div className="field">
        <label htmlFor="vote-scope">Vote on</label>
        <select id="vote-scope" value={scopeKind} onChange={(e) => setScopeKind(e.target.value as 'lane' | 'stage' | 'cards')}>
          <option value="lane">The selected lane</option>
          <option value="stage">The selected stage</option>
          <option value="cards">The cards I Shift+click</option>
        </select>
        <div className="field-hint">{where}</div>
      </div>
      <div className="field">
        <label htmlFor="vote-dots">Dots per participant</label>
        <input id="vote-dots" type="number" min={1} max={20} value={dots} onChange={(e) => setDots(Math.max(1, Math.min(20, Number(e.target.value) || 1)))} />
      </div>
      <div className="field">
        <label htmlFor="vote-people">Participants (names or colours, comma-separated)</label>
        <input id="vote-people" value={people} onChange={(e) => setPeople(e.target.value)} />
      </div>
      <button type="submit" className="primary">
        Start vote
      </button>
    </form>
  );
}

function OpenVote({ editor, voteId }: { editor: Editor; voteId: string }) {
  const records = useStore(editor.store, (s) => s.records);
  const active = useStore(roomStore, (s) => s.voting?.participantId ?? null);
  const state = voteState(records, voteId);
  if (!state) return null;
  const { vote } = state;
  const ranking = vote.revealed ? rankVote(records, state) : [];
  return (
    <section className="panel-section">
      <h3>{vote.title || 'Dot vote'}</h3>
      <p className="small muted">
        {vote.closed ? 'This vote is closed.' : 'Choose who is voting, then click cards (or press 1–9 on a selected card). Totals stay hidden until you reveal them.'}
      </p>
      <ol className="participants">
        {state.participants.map((p, i) => (
          <li key={p.id}>
            <button
              className={`participant ${active === p.id ? 'active' : ''}`}
              aria-pressed={active === p.id}
              onClick={() => roomStore.setState({ voting: { voteId, participantId: p.id } })}
              disabled={vote.closed}
            >
              <span className="persona-dot" style={{ background: p.color }} />
              <span className="participant-name">
                {i + 1}. {p.name}
              </span>
              <span className="dots-left" aria-label={`${dotsLeft(state, p.id)} dots left`}>
                {'●'.repeat(dotsLeft(state, p.id))}
                {'○'.repeat(vote.dotsPerParticipant - dotsLeft(state, p.id))}
              </span>
            </button>
          </li>
        ))}
      </ol>
      <div className="vote-actions">
        {!vote.revealed && (
          <button className="primary" onClick={() => setVoteFlags(editor, voteId, { revealed: true })}>
            Reveal results
          </button>
        )}
        {!vote.closed && <button onClick={() => setVoteFlags(editor, voteId, { closed: true, revealed: true })}>Close vote</button>}
        <button className="link" onClick={() => roomStore.setState({ voting: null })}>
          Done
        </button>
      </div>
      {vote.revealed && (
        <>
          <h3>Ranking</h3>
          <ol className="ranked vote-ranking" aria-label="Vote ranking">
            {ranking.map((r) => (
              <li key={r.card.id}>
                <span className="ranked-text">{r.card.text}</span> <span className="ranked-meta">{r.dots} {r.dots === 1 ? 'dot' : 'dots'}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
