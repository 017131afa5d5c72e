"""Read aloud: a "Listen" control beside a part of a screen, spoken by the device's own voice.

The speaking happens in the browser with the Web Speech API (``speechSynthesis``): no audio
and no text leaves the device, and nothing is fetched. One inline script per page
(:func:`install`) handles every control on it. A control names the part it reads by that
part's container key; the script reads the text the person can see in it (an opened
"more" reads too, a closed one does not), so no text is sent to the page twice. Drug and gene
names are read as the glossary's ``say`` gives them. Only voices that run on the device are
used (``localService``): a browser's online voices would send the text away, so when the
device has none for the language, the control says so.

It keeps to the shared page events: while it speaks it sends ``explainer-activity`` every few
seconds (the kiosk's idle timer counts listening as activity), and it stops on
``explainer-stop``, on ``pagehide``, when its part leaves the screen, and when the screen
changes (another page, another step, Start over or another language).
"""

from __future__ import annotations

import contextlib
import json
from html import escape
from typing import Iterator

import streamlit as st

from knowledge import KnowledgeBase

from . import state
from .text import active, t

RATES = {"normal": 1.0, "slower": 0.8}
SPEED_KEY = "listen_speed"  # kept in the session like the text size (components/shared/state.py SETTINGS)

_CSS = """<style>
/* Read aloud: the Listen, Pause and Stop buttons, and the part being read. */
.listen { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; justify-content: flex-end; }
[data-testid="stElementContainer"]:has(> .stHtml > .listen) { margin-left: auto; }  /* at the end of its row */
.listen button { min-height: 48px; min-width: 48px; padding: .25rem .8rem; font: inherit; font-size: 1rem;
  font-weight: 600; color: #1d4f91; background: #fff; border: 2px solid #1d4f91; border-radius: .5rem;
  cursor: pointer; }
.listen button:hover { background: #eef4fb; }
.listen button:focus-visible { outline: 3px solid #1d4f91; outline-offset: 2px; }
.listen [hidden] { display: none !important; }
.listen-note:empty { display: none; }
.listen-note { font-size: 1rem; color: #262730; }
.listen-reading { outline: 4px solid #1d4f91 !important; outline-offset: 6px; border-radius: .5rem;
  background: #f3f7fc; }
@media (max-width: 640px) {  /* on a phone a long heading keeps the width; the buttons go under it */
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stElementContainer"] > .stHtml > .listen) { flex-wrap: wrap; }
}
@media print { .listen { display: none !important; } }
</style>"""

# Fixed text written here; the only values put in are the page's words and the glossary's
# pronunciations, as JSON with "<" escaped, so nothing can end the script early.
_SCRIPT = """<script>
(() => {
  const L = window.__explainerListen = window.__explainerListen || {};
  const before = L.config;
  L.config = %(config)s;
  if (!L.install) {
    L.install = true;
    const synth = () => window.speechSynthesis;
    const partOf = (name) => document.querySelector(`.st-key-${CSS.escape(name)}`);
    const activity = () => window.dispatchEvent(new Event('explainer-activity'));
    // Not read: the controls, drawings, icons, Streamlit's own buttons (Change, Download), the
    // link's text, closed definitions, and the title of a closed "more" (read once it is opened).
    // (Not all of aria-hidden: Streamlit hides a question's visible label from screen readers.)
    const SKIP = '.listen, svg, style, script, [data-testid="stIconMaterial"], .stButton, .stDownloadButton, '
      + '[data-testid="stCode"], [popover], details:not([open]) > summary';
    const PREFERRED = {en: ['en-us', 'en-gb'], es: ['es-es', 'es-us', 'es-mx']};

    // The text a person sees in a part, block by block, with the glossary's pronunciations.
    const blockOf = (e, root) => {
      while (e !== root && getComputedStyle(e).display.startsWith('inline')) { e = e.parentElement; }
      return e;
    };
    const clean = (s) => s.replace(/\\p{Extended_Pictographic}\\uFE0F?/gu, ' ').replace(/→/g, ',')
      .replace(/\\s+/g, ' ').trim();
    const pronouncer = (say) => {
      if (!say.length) { return (s) => s; }
      const words = new Map(say.map(([word, as]) => [word.toLowerCase(), as]));
      const escaped = say.map(([word]) => word.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&'))
        .sort((a, b) => b.length - a.length);
      // No look-behind: the page's HTML cleaner drops a script that contains "<" before "!".
      const found = new RegExp(`(^|[^\\\\p{L}\\\\p{N}])(${escaped.join('|')})(?![\\\\p{L}\\\\p{N}])`, 'giu');
      return (s) => s.replace(found, (m, lead, word) => lead + (words.get(word.toLowerCase()) || word));
    };
    const readable = (root, name) => {
      const blocks = [];
      let last = null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode, parent = node.parentElement;
        if (!node.nodeValue.trim() || parent.closest(SKIP) || !parent.checkVisibility({visibilityProperty: true})) {
          continue;
        }
        const block = blockOf(parent, root);
        if (block !== last) { blocks.push(''); last = block; }
        blocks[blocks.length - 1] += node.nodeValue;
      }
      const lines = blocks.map(clean).filter(Boolean);
      const title = clean(name || '');
      if (title && !(lines[0] || '').startsWith(title)) { lines.unshift(title); }
      // One utterance a block, long blocks a sentence at a time: some voices stop after a long one.
      return lines.map((s) => (/[.!?:;,…]$/.test(s) ? s : s + '.'))
        .flatMap((s) => (s.length > 240 ? s.split(/(?<=[.!?])\\s+/) : [s])).map(pronouncer(L.config.say));
    };

    // A voice on this device for the page's language; voices may arrive a moment after the page.
    const voices = () => new Promise((resolve) => {
      if (synth().getVoices().length) { resolve(synth().getVoices()); return; }
      const done = () => { synth().removeEventListener('voiceschanged', done); resolve(synth().getVoices()); };
      synth().addEventListener('voiceschanged', done);
      setTimeout(done, 1500);
    });
    const voiceFor = (all, lang) => {
      const mine = all.filter((v) => v.localService === true
        && v.lang.replace('_', '-').toLowerCase().split('-')[0] === lang);
      const region = (v) => v.lang.replace('_', '-').toLowerCase();
      for (const wanted of PREFERRED[lang] || []) {
        const hit = mine.find((v) => region(v) === wanted);
        if (hit) { return hit; }
      }
      return mine.find((v) => v.default) || mine[0] || null;
    };

    const sync = () => {
      if (L.current && !partOf(L.current.part)) { L.stop(); return; }  // its part left the screen
      document.querySelectorAll('.listen').forEach((control) => {
        const on = !!L.current && L.current.part === control.dataset.part;
        const [play, pause, stop] = ['play', 'pause', 'stop'].map((a) => control.querySelector(`[data-listen="${a}"]`));
        const hadFocus = control.contains(document.activeElement) ? document.activeElement : null;
        play.hidden = on;
        pause.hidden = stop.hidden = !on;
        const word = on && L.current.paused ? L.config.words.resume : L.config.words.pause;
        const label = pause.querySelector('.listen-word');
        if (label.textContent !== word) { label.textContent = word; }
        if (hadFocus && hadFocus.hidden) { (on ? pause : play).focus(); }
      });
      if (L.current) { partOf(L.current.part).classList.add('listen-reading'); }
    };
    L.stop = () => {
      clearInterval(L.timer);
      const was = L.current;
      L.current = null;
      if (was && was.paused) { synth().resume(); }  // some browsers stay paused after a cancel
      if (was) { synth().cancel(); }
      document.querySelectorAll('.listen-reading').forEach((e) => e.classList.remove('listen-reading'));
      sync();
    };
    const note = (control, text) => { control.querySelector('.listen-note').textContent = text; };
    const play = async (control) => {
      const part = control.dataset.part, root = partOf(part);
      L.stop();
      note(control, '');
      const voice = window.speechSynthesis && root ? voiceFor(await voices(), L.config.lang) : null;
      if (!voice) { note(control, L.config.words.no_voice); return; }
      const lines = readable(root, control.dataset.name);
      const run = {part, paused: false, left: lines.length};
      L.current = run;
      for (const line of lines) {
        const u = new SpeechSynthesisUtterance(line);
        u.voice = voice;
        u.lang = voice.lang;
        u.rate = L.config.rate;
        u.onend = u.onerror = () => { if (L.current === run && --run.left <= 0) { L.stop(); } };
        synth().speak(u);
      }
      activity();
      L.timer = setInterval(() => { if (L.current === run && !run.paused) { activity(); } }, 5000);
      sync();
    };
    const pause = () => {
      if (!L.current) { return; }
      if (L.current.paused) { synth().resume(); } else { synth().pause(); }
      L.current.paused = !L.current.paused;
      activity();
      sync();
    };

    document.addEventListener('click', (event) => {
      const button = event.target.closest('.listen [data-listen]');
      if (!button) { return; }
      const action = button.dataset.listen;
      if (action === 'play') { play(button.closest('.listen')); }
      else if (action === 'pause') { pause(); }
      else { L.stop(); }
    });
    window.addEventListener('explainer-stop', () => L.stop());
    window.addEventListener('pagehide', () => L.stop());
    let queued = false;
    new MutationObserver(() => {
      if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; L.sync(); }); }
    }).observe(document.body, {childList: true, subtree: true});
    L.sync = sync;
  }
  if (before && before.screen !== L.config.screen) { L.stop(); }  // another page, step or Start over
  L.sync();
})();
</script>"""


def speed() -> str:
    choice = st.session_state.get(state.key(SPEED_KEY))
    return choice if choice in RATES else "normal"


def speed_control() -> None:
    """Normal or slower reading, for this session only (in the settings, beside the text size).
    Like the text size, the same person's Start over keeps it; the kiosk reset forgets it."""
    names = t("listen.speed_names")
    wkey = state.key(SPEED_KEY)
    chosen = st.session_state.get(SPEED_KEY, "normal")
    st.segmented_control(t("listen.speed"), options=list(RATES), format_func=lambda k: names[k],
                         default=chosen if chosen in RATES else "normal", key=wkey, required=True, help=None,
                         on_change=state.remember, args=(SPEED_KEY, wkey))


def install(page: str, kb: KnowledgeBase) -> None:
    """The page's read-aloud script, once a run. ``page`` names the page, so that moving to
    another page, step or person stops the speaking."""
    screen = f"{page}|{state.step()}|{st.session_state.get('generation', 0)}|{active()}"
    say = [[term.term, term.say] for term in kb.glossary if term.say]  # in the rule set's language
    config = {"screen": screen, "lang": active(), "rate": RATES[speed()], "say": say,
              "words": {key: t(f"listen.{key}") for key in ("pause", "resume", "no_voice")}}
    script = _SCRIPT % {"config": json.dumps(config).replace("<", "\\u003c")}
    st.html(_CSS)
    st.html(script, unsafe_allow_javascript=True)


def control(part: str, name: str) -> None:
    """Listen, and while it speaks Pause (Resume) and Stop, for the container keyed ``part``.

    ``name`` is the part's heading: it is in each button's accessible name, and it is read
    first when the heading is outside the part."""
    label = escape(t("listen.label", name=name))
    st.html(
        f'<div class="listen" data-part="{escape(part)}" data-name="{escape(name)}">'
        f'<button type="button" data-listen="play" aria-label="{label}">'
        f'<span aria-hidden="true">🔊</span> <span class="listen-play">{escape(t("listen.play"))}</span></button>'
        f'<button type="button" data-listen="pause" hidden><span class="listen-word">{escape(t("listen.pause"))}'
        f'</span></button><button type="button" data-listen="stop" hidden>{escape(t("listen.stop"))}</button>'
        f'<span class="listen-note" role="status"></span></div>', width="content")


@contextlib.contextmanager
def row(part: str, name: str) -> Iterator[None]:
    """A heading row: what is drawn inside, then the Listen control at its end."""
    with st.container(horizontal=True, vertical_alignment="center", gap="small", wrap=False):
        yield
        control(part, name)
