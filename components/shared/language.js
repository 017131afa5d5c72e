(() => {
  window.__explainerLang = /*lang*/null;
  window.__explainerDir = /*dir*/null;
  window.__explainerWords = /*words*/null;
  const names = /*names*/null;
  const texts = ['[data-testid="stSkipToContent"]', '[data-testid="InputInstructions"] span'];
  const apply = () => {
    const lang = window.__explainerLang, words = window.__explainerWords;
    const root = document.documentElement;
    if (root.lang !== lang) { root.lang = lang; }
    if (root.dir !== window.__explainerDir) { root.dir = window.__explainerDir; }  // right to left mirrors the page
    // Parts kept in English as published (sources, the editors' changelog) say so.
    document.querySelectorAll('[class*="st-key-in_english"]').forEach((e) => { if (e.lang !== 'en') { e.lang = 'en'; } });
    document.querySelectorAll('[class*="st-key-lang_"] button').forEach((b) => {
      const code = names[(b.innerText || '').trim()];
      if (code && b.lang !== code) { b.lang = code; }
    });
    for (const [mine, known] of words) {
      for (const attr of ['aria-label', 'title']) {
        for (const old of known) {
          if (old === mine) { continue; }
          document.querySelectorAll(`[${attr}="${CSS.escape(old)}"]`).forEach((e) => e.setAttribute(attr, mine));
        }
      }
    }
    document.querySelectorAll(texts.join(',')).forEach((e) => {
      for (const node of e.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE) { continue; }
        const hit = words.find(([mine, known]) => known.includes(node.nodeValue.trim()) && node.nodeValue.trim() !== mine);
        if (hit) { node.nodeValue = hit[0]; }
      }
    });
  };
  apply();
  if (!window.__explainerLangObserver) {
    window.__explainerLangObserver = new MutationObserver(apply);
    window.__explainerLangObserver.observe(document.body, {childList: true, subtree: true, characterData: true});
  }
})();
