// A stand-in for the browser's speech synthesis that records what the page asks of it.
// Voices: window.__speechVoices ('both', 'none' or 'online') set by an earlier init script, plus
// any in window.__extraVoices, or
// later with __speech.setVoices, which fires voiceschanged); spoken: every utterance as
// {text, lang, rate, voice}; calls: speak, pause, resume and cancel in order. An utterance
// stays "speaking" until the test calls __speech.finishAll(), so Pause and Stop can be tried.
(() => {
  const VOICES = {
    both: [
      {name: 'Test English', lang: 'en-US', localService: true, default: true, voiceURI: 'test-en'},
      {name: 'Online English', lang: 'en-GB', localService: false, default: false, voiceURI: 'online-en'},
      {name: 'Test Spanish', lang: 'es-ES', localService: true, default: false, voiceURI: 'test-es'},
    ],
    none: [],
    online: [{name: 'Online English', lang: 'en-US', localService: false, default: true, voiceURI: 'online-en'}],
  };
  const which = window.__speechVoices || 'both';
  class Utterance {
    constructor(text) { this.text = text; this.lang = ''; this.rate = 1; this.voice = null; }
  }
  class Synth extends EventTarget {
    constructor() {
      super();
      this.queue = [];
      this.paused = false;
      this.voices = VOICES[which].concat(window.__extraVoices || []);  // a test may add voices
    }
    get speaking() { return this.queue.length > 0; }
    get pending() { return this.queue.length > 1; }
    getVoices() { return this.voices; }
    speak(u) {
      window.__speech.calls.push('speak');
      window.__speech.spoken.push({text: u.text, lang: u.lang, rate: u.rate, voice: u.voice && u.voice.name});
      this.queue.push(u);
    }
    pause() { window.__speech.calls.push('pause'); this.paused = true; }
    resume() { window.__speech.calls.push('resume'); this.paused = false; }
    cancel() {
      window.__speech.calls.push('cancel');
      const dropped = this.queue;
      this.queue = [];
      this.paused = false;
      dropped.forEach((u) => u.onerror && u.onerror({error: 'canceled'}));
    }
  }
  const synth = new Synth();
  window.__speech = {
    spoken: [],
    calls: [],
    activity: 0,
    finishAll() {
      while (synth.queue.length) { const u = synth.queue.shift(); if (u.onend) { u.onend({}); } }
    },
    setVoices(name) { synth.voices = VOICES[name]; synth.dispatchEvent(new Event('voiceschanged')); },
  };
  window.addEventListener('explainer-activity', () => { window.__speech.activity += 1; });
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {value: Utterance, configurable: true});
})();
