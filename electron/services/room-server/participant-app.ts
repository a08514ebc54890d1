import type { ParticipantView } from './participant-view.ts';

/**
 * The participant page's script, as one self-contained function: participant-page.ts
 * serves its source text, so it may use nothing from outside its own body (no imports,
 * no module constants), only the browser.
 *
 * Flaky Wi-Fi is the normal case: every command carries an id made on the phone and is
 * sent again with the same id until the room answers, so a reconnect never adds a card
 * twice; the token lives in sessionStorage, so a reload keeps the participant's identity.
 */
export function participantApp(): void {
  // The server's view type: erased with the types, so the function's text stays self-contained.
  type View = ParticipantView;
  type Command = { kind: 'add-card'; text: string } | { kind: 'place-dot'; cardId: string } | { kind: 'take-back-dot'; dotId: string } | { kind: 'score'; score: number };
  /** The method's scale, -3 (furious, desperate) to +3 (delighted), in a word each. */
  const FEELINGS = ['Furious', 'Upset', 'Uneasy', 'Neutral', 'OK', 'Happy', 'Delighted'];

  const STORAGE_KEY = 'journeyboard-room';
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const status = $('status');
  let token: string | null = null;
  let version = -1;
  let closed = false;
  let pending = 0;

  const say = (text: string, problem = false) => {
    status.textContent = text;
    status.classList.toggle('problem', problem);
  };
  const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));
  const newCommandId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`).replace(/[^A-Za-z0-9_-]/g, '');

  function remember(value: string | null): void {
    token = value;
    try {
      if (value) sessionStorage.setItem(STORAGE_KEY, value);
      else sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // Private browsing without storage: the identity lasts as long as the page.
    }
  }

  function showClosed(): void {
    closed = true;
    for (const id of ['join', 'ideas', 'vote', 'emotion', 'no-question', 'who', 'showing']) $(id).hidden = true;
    $('closed').hidden = false;
    document.title = 'The room is closed';
    say('');
  }

  function showJoin(message: string): void {
    for (const id of ['ideas', 'vote', 'emotion', 'no-question', 'who', 'showing']) $(id).hidden = true;
    $('join').hidden = false;
    say(message, message !== '');
  }

  async function post(path: string, body: unknown, auth: boolean): Promise<{ status: number; json: Record<string, unknown> }> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (auth && token) headers.Authorization = `Bearer ${token}`;
    const response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  /** Sends until the room answers; the same command id every time. */
  async function send(command: Command): Promise<boolean> {
    const commandId = newCommandId();
    pending++;
    say('Sending…');
    try {
      for (let attempt = 0; !closed; attempt++) {
        try {
          const { status: code, json } = await post('/room/command', { commandId, command }, true);
          if (code === 200) return true;
          if (code === 429) {
            await wait(1000);
            continue;
          }
          if (code === 410) showClosed();
          else if (code === 401 || code === 403) {
            remember(null);
            showJoin(String(json.message ?? 'Join again.'));
          } else say(String(json.message ?? 'That did not work.'), true);
          return false;
        } catch {
          say('Reconnecting…', true);
          await wait(Math.min(500 * 2 ** attempt, 4000));
        }
      }
      return false;
    } finally {
      pending--;
      if (pending === 0 && status.textContent === 'Sending…') say('Sent.');
    }
  }

  function render(view: View): void {
    if (view.room === 'closed') return showClosed();
    $('join').hidden = true;
    $('title').textContent = view.workshop || 'Workshop';
    const who = $('who');
    who.hidden = false;
    who.textContent = `You are ${view.name || 'anonymous'}`;

    const showing = $('showing');
    showing.hidden = view.showing === null;
    showing.textContent = view.showing === null ? '' : `On the screen: ${view.showing}`;

    const emotion = view.emotion;
    $('emotion').hidden = emotion === null;
    if (emotion) {
      $('emotion-question').textContent = emotion.question;
      $('scores').replaceChildren(
        ...FEELINGS.map((feeling, i) => {
          const score = i - 3;
          const button = Object.assign(document.createElement('button'), { type: 'button' });
          button.append(document.createTextNode(score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0'), Object.assign(document.createElement('small'), { textContent: feeling }));
          button.setAttribute('aria-pressed', String(emotion.myScore === score));
          button.setAttribute('aria-label', `${score > 0 ? '+' : ''}${score}, ${feeling}`);
          button.addEventListener('click', () => void send({ kind: 'score', score }));
          return button;
        }),
      );
    }

    const prompt = view.prompt;
    $('ideas').hidden = prompt === null;
    $('no-question').hidden = prompt !== null || view.vote !== null || emotion !== null;
    if (prompt) {
      $('question').textContent = prompt.question;
      $('where').textContent = [prompt.stage, prompt.step].filter(Boolean).join(' › ');
    }
    const mine = $('mine');
    mine.replaceChildren(...view.myCards.map((card) => Object.assign(document.createElement('li'), { textContent: card.text })));
    $('mine-heading').hidden = view.myCards.length === 0;

    const vote = view.vote;
    $('vote').hidden = vote === null;
    if (!vote) return;
    $('vote-title').textContent = vote.revealed ? `Results: ${vote.title}` : `Vote: ${vote.title}`;
    $('dots-left').textContent = vote.revealed ? 'The facilitator revealed the totals.' : `${vote.dotsLeft} of ${vote.budget} dots left. Nobody sees your dots before the reveal.`;
    const options = $('options');
    options.hidden = vote.revealed;
    options.replaceChildren(
      ...vote.options.map((option) => {
        const item = document.createElement('li');
        const text = Object.assign(document.createElement('span'), { textContent: option.text });
        const actions = document.createElement('span');
        actions.className = 'actions';
        const add = Object.assign(document.createElement('button'), { type: 'button', textContent: '+ Dot', disabled: vote.dotsLeft <= 0 });
        add.setAttribute('aria-label', `Add a dot to: ${option.text}`);
        add.addEventListener('click', () => void send({ kind: 'place-dot', cardId: option.cardId }));
        actions.append(add);
        const lastDot = option.myDots.at(-1);
        if (lastDot) {
          const back = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary', textContent: '− Dot' });
          back.setAttribute('aria-label', `Take a dot back from: ${option.text}`);
          back.addEventListener('click', () => void send({ kind: 'take-back-dot', dotId: lastDot }));
          actions.append(back);
        }
        const dots = Object.assign(document.createElement('span'), { className: 'dots', textContent: option.myDots.length ? `Your dots: ${option.myDots.length}` : '' });
        item.append(text, actions, dots);
        return item;
      }),
    );
    const results = $('results');
    results.hidden = !vote.revealed;
    // Only the cards that got dots: a long tail of "0 dots" buries the result on a phone.
    const scored = (vote.results ?? []).filter((result) => result.dots > 0);
    const unscored = (vote.results ?? []).length - scored.length;
    results.replaceChildren(
      ...scored.map((result) => {
        const item = document.createElement('li');
        item.append(
          Object.assign(document.createElement('span'), { className: 'total', textContent: `${result.dots} ${result.dots === 1 ? 'dot' : 'dots'}` }),
          Object.assign(document.createElement('span'), { textContent: result.text }),
        );
        return item;
      }),
    );
    if (vote.revealed && unscored > 0) {
      results.append(Object.assign(document.createElement('li'), { className: 'rest', textContent: `${unscored} other ${unscored === 1 ? 'card' : 'cards'}: no dots` }));
    }
  }

  /** Listens for news (long-poll): the room answers when something changed. */
  async function listen(): Promise<void> {
    let failures = 0;
    while (token && !closed) {
      try {
        const response = await fetch(`/room/state?after=${version}`, { headers: { Authorization: `Bearer ${token}` } });
        const json = (await response.json()) as { view?: View; message?: string };
        if (response.status === 410) return showClosed();
        if (response.status === 401 || response.status === 403) {
          remember(null);
          return showJoin(json.message ?? 'Join again.');
        }
        if (!json.view) throw new Error('no view');
        if (failures > 0) say('Connected again.');
        failures = 0;
        version = json.view.version;
        render(json.view);
      } catch {
        failures++;
        say(failures > 3 ? 'Cannot reach the room. It may be closed, or the Wi-Fi dropped: trying again…' : 'Reconnecting…', true);
        await wait(Math.min(500 * 2 ** failures, 5000));
      }
    }
  }

  $('join').addEventListener('submit', (event) => {
    event.preventDefault();
    const code = ($('code') as HTMLInputElement).value.trim().toUpperCase();
    const name = ($('name') as HTMLInputElement).value.trim();
    say('Joining…');
    post('/room/join', { code, name }, false)
      .then(({ status: code, json }) => {
        if (code === 410) return showClosed();
        if (code !== 200) return say(String(json.message ?? 'Could not join.'), true);
        remember(String(json.token));
        say('');
        void listen();
      })
      .catch(() => say('Cannot reach the room. Check that you are on the same Wi-Fi as the facilitator.', true));
  });

  $('idea').addEventListener('submit', (event) => {
    event.preventDefault();
    const field = $('idea-text') as HTMLTextAreaElement;
    const text = field.value.trim();
    if (!text) return;
    field.value = '';
    field.focus();
    void send({ kind: 'add-card', text });
  });

  const fromLink = /(?:^|[#&])code=([A-Za-z0-9]{4,12})/.exec(location.hash)?.[1];
  if (fromLink) ($('code') as HTMLInputElement).value = fromLink.toUpperCase();
  let saved: string | null = null;
  try {
    saved = sessionStorage.getItem(STORAGE_KEY);
  } catch {
    saved = null;
  }
  if (saved) {
    token = saved;
    void listen();
  } else showJoin('');
}
