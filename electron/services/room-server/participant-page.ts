import { participantApp } from './participant-app.ts';

/**
 * The page a phone opens: static HTML, one script, one style, all from the participant
 * server itself (the CSP allows nothing else). The script is a typed function in
 * participant-app.ts, served as its own source text: no second build step, and the
 * compiler checks it with the rest of the app. Everything a participant or the
 * workshop wrote reaches the page as JSON and is shown with textContent, never as HTML.
 */
export const PARTICIPANT_SCRIPT = `(${participantApp.toString()})();\n`;

export const PARTICIPANT_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Join the workshop</title>
<link rel="stylesheet" href="/participant.css">
<script src="/participant.js" defer></script>
</head>
<body>
<main id="app">
  <header><p class="brand">Journeyboard</p><h1 id="title">Join the workshop</h1><p id="who" hidden></p><p id="showing" hidden></p></header>
  <p id="status" role="status" aria-live="polite"></p>
  <form id="join" hidden>
    <label for="code">Code on the screen</label>
    <input id="code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="12" required>
    <label for="name">Your name <span class="hint">(leave empty to stay anonymous)</span></label>
    <input id="name" name="name" autocomplete="nickname" maxlength="60">
    <button type="submit">Join</button>
  </form>
  <section id="ideas" hidden aria-labelledby="question">
    <h2 id="question"></h2>
    <p id="where" class="hint"></p>
    <form id="idea">
      <label for="idea-text">Your idea</label>
      <textarea id="idea-text" rows="3" maxlength="500" required></textarea>
      <button type="submit">Add to the board</button>
    </form>
    <h3 id="mine-heading" hidden>You added</h3>
    <ul id="mine"></ul>
  </section>
  <section id="emotion" hidden aria-labelledby="emotion-question">
    <h2 id="emotion-question"></h2>
    <div id="scores" role="group" aria-labelledby="emotion-question"></div>
  </section>
  <p id="no-question" hidden>The facilitator has not asked for ideas yet. Keep this page open.</p>
  <section id="vote" hidden aria-labelledby="vote-title">
    <h2 id="vote-title"></h2>
    <p id="dots-left"></p>
    <ul id="options"></ul>
    <ol id="results"></ol>
  </section>
  <section id="closed" hidden>
    <h2>The room is closed</h2>
    <p>Thank you. Everything you sent is on the board.</p>
  </section>
</main>
</body>
</html>
`;

export const PARTICIPANT_CSS = `
:root { color-scheme: light dark; --ink: #14171f; --paper: #ffffff; --accent: #1f5fbf; --muted: #555c68; --line: #c9ced8; --card: #fff4b8; }
@media (prefers-color-scheme: dark) { :root { --ink: #f2f4f8; --paper: #15181e; --accent: #8db8ff; --muted: #b3bac6; --line: #3a404c; --card: #3d3a22; } }
* { box-sizing: border-box; }
body { margin: 0; font: 18px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); }
main { max-width: 34rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
.brand { margin: 0; font-size: .85rem; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
h1 { font-size: 1.5rem; margin: .2rem 0 .4rem; }
h2 { font-size: 1.3rem; margin: 1.4rem 0 .3rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; color: var(--muted); }
.hint, #who, #showing { color: var(--muted); font-size: .95rem; margin: 0 0 .6rem; }
label { display: block; font-weight: 600; margin: .9rem 0 .3rem; }
input, textarea { width: 100%; font: inherit; padding: .7rem .8rem; border: 2px solid var(--line); border-radius: .5rem; background: var(--paper); color: var(--ink); }
#code { font-size: 1.6rem; letter-spacing: .25em; text-transform: uppercase; font-family: ui-monospace, monospace; }
input:focus-visible, textarea:focus-visible, button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
button { font: inherit; font-weight: 600; min-height: 48px; padding: .6rem 1.1rem; margin-top: .8rem; border: 0; border-radius: .5rem; background: var(--accent); color: var(--paper); width: 100%; }
button.secondary { background: transparent; color: var(--accent); border: 2px solid var(--accent); width: auto; margin: 0; }
button:disabled { opacity: .5; }
ul, ol { padding: 0; margin: 0; list-style: none; }
#mine li, #options li, #results li { background: var(--card); border-radius: .5rem; padding: .6rem .8rem; margin: .5rem 0; overflow-wrap: anywhere; }
#options li { display: grid; grid-template-columns: 1fr auto; gap: .5rem; align-items: center; }
#options .dots { grid-column: 1 / -1; color: var(--muted); font-size: .95rem; }
#options .actions { display: flex; gap: .5rem; }
#options .actions button { width: auto; margin: 0; }
#results li { display: flex; gap: .8rem; }
#results .total { font-weight: 700; min-width: 4.5rem; }
#results li.rest { background: transparent; color: var(--muted); padding-left: 0; }
#status { min-height: 1.4em; margin: .4rem 0; color: var(--muted); }
#status.problem { color: #b3261e; font-weight: 600; }
#closed h2 { font-size: 1.8rem; }
#scores { display: grid; grid-template-columns: repeat(7, 1fr); gap: .3rem; }
#scores button { margin: 0; padding: .4rem 0; min-height: 64px; display: flex; flex-direction: column; align-items: center; justify-content: center; background: var(--paper); color: var(--ink); border: 2px solid var(--line); font-size: 1.1rem; }
#scores button small { font-size: .62rem; font-weight: 500; color: var(--muted); }
#scores button[aria-pressed="true"] { background: var(--accent); border-color: var(--accent); color: var(--paper); }
#scores button[aria-pressed="true"] small { color: var(--paper); }
[hidden] { display: none !important; }
`;
