/** Three soft tones when the timer ends; silent where audio is unavailable. */
export function chime(): void {
  try {
    const context = new AudioContext();
    [0, 0.25, 0.5].forEach((at, i) => {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = [660, 880, 990][i]!;
      gain.gain.setValueAtTime(0.0001, context.currentTime + at);
      gain.gain.exponentialRampToValueAtTime(0.25, context.currentTime + at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, context.currentTime + at + 0.22);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(context.currentTime + at);
      oscillator.stop(context.currentTime + at + 0.25);
    });
    setTimeout(() => void context.close(), 1500);
  } catch {
    // No audio device: the visual signal stands alone.
  }
}
