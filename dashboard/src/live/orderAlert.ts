// The kitchen hears a new order: a short two-tone beep through Web Audio (no sound file to ship).

declare global {
  interface Window {
    /** How many new-order alerts this page has played: tests and kiosks read it. */
    __voAlerts?: number;
  }
}

let audio: AudioContext | undefined;

function beep(): void {
  try {
    audio ??= new AudioContext();
    // A context made before any click starts suspended; resuming after one works.
    void audio.resume();
    const now = audio.currentTime;
    [880, 1320].forEach((freq, i) => {
      const osc = audio!.createOscillator();
      const gain = audio!.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, now + i * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.3, now + i * 0.18 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.18 + 0.16);
      osc.connect(gain).connect(audio!.destination);
      osc.start(now + i * 0.18);
      osc.stop(now + i * 0.18 + 0.17);
    });
  } catch {
    // No audio device (a kiosk without speakers): the badge and the card still show.
  }
}

export function playNewOrderAlert(): void {
  window.__voAlerts = (window.__voAlerts ?? 0) + 1;
  document.body.dataset.voAlerts = String(window.__voAlerts);
  beep();
}
