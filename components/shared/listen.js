(() => {
  const L = window.__explainerListen = window.__explainerListen || {};
  const before = L.config;
  L.config = /*config*/null;
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
    // Voices by how the device names them: US first for English and Spanish; Mandarin for Simplified Chinese.
    const PREFERRED = {en: ['en-us', 'en-gb'], es: ['es-us', 'es-mx', 'es-es'], zh: ['zh-cn', 'cmn-cn', 'zh-hans-cn', 'zh-sg'],
                       vi: ['vi-vn']};

    // The text a person sees in a part, block by block, with the glossary's pronunciations.
    const blockOf = (e, root) => {
      while (e !== root && getComputedStyle(e).display.startsWith('inline')) { e = e.parentElement; }
      return e;
    };
    const clean = (s) => s.replace(/\p{Extended_Pictographic}\uFE0F?/gu, ' ').replace(/→/g, ',')
      .replace(/\s+/g, ' ').trim();
    const pronouncer = (say) => {
      if (!say.length) { return (s) => s; }
      const words = new Map(say.map(([word, as]) => [word.toLowerCase(), as]));
      const escaped = say.map(([word]) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .sort((a, b) => b.length - a.length);
      // No look-behind: the page's HTML cleaner drops a script that contains "<" before "!".
      // Chinese is written without spaces: a Chinese character next to a word does not join it.
      const found = new RegExp(`(^|[^\\p{L}\\p{N}]|\\p{Script=Han})(${escaped.join('|')})(?!(?!\\p{Script=Han})[\\p{L}\\p{N}])`, 'giu');
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
      return lines.map((s) => (/[.!?:;,…。！？：；，]$/.test(s) ? s : s + (/[\u3400-\u9fff]$/.test(s) ? '。' : '.')))
        .flatMap((s) => (s.length > 240 ? s.split(/(?<=[.!?])\s+|(?<=[。！？])/) : [s])).map(pronouncer(L.config.say));
    };

    // A voice on this device for the page's language; voices may arrive a moment after the page.
    const voices = () => new Promise((resolve) => {
      if (synth().getVoices().length) { resolve(synth().getVoices()); return; }
      const done = () => { synth().removeEventListener('voiceschanged', done); resolve(synth().getVoices()); };
      synth().addEventListener('voiceschanged', done);
      setTimeout(done, 1500);
    });
    const voiceFor = (all, code) => {
      const lang = code.toLowerCase().split('-')[0];  // zh-Hans -> zh
      const region = (v) => v.lang.replace('_', '-').toLowerCase();
      const family = lang === 'zh' ? ['zh', 'cmn'] : [lang];  // a Mandarin voice may be named cmn
      const mine = all.filter((v) => v.localService === true && family.includes(region(v).split('-')[0])
        && region(v) !== 'zh-hk');  // Cantonese reads Chinese characters in another spoken language
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
