import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { formatRemaining, isRunning, remainingMs, TIMER_PRESETS_MINUTES } from './timer.ts';
import { TimerTicker } from './timer-ticker.ts';
import { roomStore, timerActions } from './room-store.ts';
import { preferences } from './preferences.ts';
import { chime } from './chime.ts';

/** The remaining time, refreshed from the clock, and whether it has run out. */
export function useTimerDisplay(): { text: string; done: boolean; running: boolean } {
  const timer = useStore(roomStore, (s) => s.timer);
  const [remaining, setRemaining] = useState(() => remainingMs(timer, Date.now()));
  useEffect(() => {
    const ticker = new TimerTicker({
      read: () => roomStore.getState().timer,
      onTick: setRemaining,
      onFinish: () => {
        if (preferences.getState().timerSound) chime();
      },
    });
    ticker.startTicking(250);
    return () => ticker.stopTicking();
  }, []);
  const started = isRunning(timer) || timer.elapsedBeforeMs > 0;
  return { text: formatRemaining(remaining), done: started && remaining === 0, running: isRunning(timer) };
}

export function TimerWidget({ size = 'small' }: { size?: 'small' | 'large' }) {
  const { text, done, running } = useTimerDisplay();
  if (size === 'large') {
    return (
      <div className={`timer-large ${done ? 'timer-done' : ''}`} role="timer" aria-label={`Time left ${text}`}>
        {done ? "Time's up" : text}
      </div>
    );
  }
  return (
    <div className={`timer ${done ? 'timer-done' : ''}`} aria-label="Timer">
      <select aria-label="Timer length" value="" onChange={(e) => e.target.value && timerActions.preset(Number(e.target.value))}>
        <option value="">Timer</option>
        {TIMER_PRESETS_MINUTES.map((m) => (
          <option key={m} value={m}>
            {m} min
          </option>
        ))}
      </select>
      <span className="timer-text" role="timer">
        {text}
      </span>
      {/* One button that turns from Start into Pause: two buttons swapped in its place
          would drop keyboard focus to the page when the one pressed goes away. */}
      <button onClick={running ? timerActions.pause : timerActions.start} aria-label={running ? 'Pause timer' : 'Start timer'} title={running ? 'Pause' : 'Start'}>
        {running ? '❚❚' : '▶'}
      </button>
      <button onClick={timerActions.addMinute} aria-label="+1 minute" title="Add a minute">
        +1
      </button>
      <button onClick={timerActions.reset} aria-label="Reset timer" title="Reset">
        ↺
      </button>
    </div>
  );
}
