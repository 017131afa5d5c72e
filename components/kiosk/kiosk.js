// Kiosk mode in the browser (see idle.py): activity, the warning as a modal, and Hide my screen.
// Nothing here is stored or sent anywhere but to this app's own server, as a button press.
(() => {
  if (window.__explainerKiosk) { return; }
  window.__explainerKiosk = true;
  const EVERY = 5000;  // at most one activity report every five seconds
  const MODALS = ['.st-key-idle_warning', '.st-key-hide_cover'];
  let lastReport = 0;
  let open = null;
  const inerted = new Set();

  const modal = () => MODALS.map((s) => document.querySelector(s)).find(Boolean) || null;

  // Activity: a tap, a key, a scroll, a tab switch, or anything that sends "explainer-activity".
  // Reported by pressing a hidden button inside the idle watcher, so only the watcher runs again:
  // at most once every five seconds, only while the app is not running, and never right after a
  // tap or key (that press goes to the app alone; a tap on a control is a full run, which counts).
  // While the warning or the hidden screen shows, only their own buttons count.
  let seen = 0;
  let input = 0;
  const settled = () => !!document.querySelector(
    '[data-testid="stApp"][data-test-connection-state="CONNECTED"][data-test-script-state="notRunning"]');
  const active = () => { seen = Date.now(); };
  const pressed = () => { seen = input = Date.now(); };
  // The report's click reaches the app (its listener is on #root) but not the document, where an
  // open menu would take it for a tap outside and close.
  let reporting = false;
  const root = document.getElementById('root');
  if (root) { root.addEventListener('click', (event) => { if (reporting) { event.stopPropagation(); } }); }
  const report = () => {
    const now = Date.now();
    if (seen <= lastReport || now - lastReport < EVERY || now - input < 500 || !settled()) { return; }
    if (modal() || document.getElementById('explainer-cover')) { return; }
    const button = document.querySelector('.st-key-kiosk_activity button');
    if (button) {
      lastReport = now;
      reporting = true;
      try { button.click(); } finally { reporting = false; }
    }
  };
  const passive = {capture: true, passive: true};
  ['pointerdown', 'pointerup', 'keydown', 'keyup', 'touchstart', 'touchend'].forEach(
    (name) => window.addEventListener(name, pressed, passive));
  window.addEventListener('wheel', active, passive);
  document.addEventListener('scroll', active, passive);
  document.addEventListener('visibilitychange', active);
  window.addEventListener('explainer-activity', active);
  setInterval(report, 500);

  // Hide my screen: the cover goes up at once, before the server has answered.
  document.addEventListener('click', (event) => {
    if (!event.target.closest('.st-key-kiosk_hide button') || document.getElementById('explainer-cover')) { return; }
    const cover = document.createElement('div');
    cover.id = 'explainer-cover';
    document.body.appendChild(cover);
    window.dispatchEvent(new Event('explainer-stop'));
    setTimeout(() => cover.remove(), 10000);  // the server's own cover has long taken over
  }, true);

  // The warning and the hidden screen are modal: the page behind is inert and focus moves in.
  const makeInert = (el) => {
    for (let node = el; node.parentElement && node !== document.body; node = node.parentElement) {
      for (const other of node.parentElement.children) {
        if (other !== node && !other.inert && !['SCRIPT', 'STYLE'].includes(other.tagName)) {
          other.inert = true;
          inerted.add(other);
        }
      }
    }
  };
  const release = () => { inerted.forEach((e) => { e.inert = false; }); inerted.clear(); };
  const label = (m) => {
    const warning = m.matches(MODALS[0]);
    m.setAttribute('role', warning ? 'alertdialog' : 'dialog');
    m.setAttribute('aria-modal', 'true');
    const heading = m.querySelector('h1, h2, h3');
    const text = m.querySelector('[class*="st-key-modal_text"] p');
    if (heading) { heading.id = 'explainer-modal-heading'; m.setAttribute('aria-labelledby', heading.id); }
    if (text) { text.id = 'explainer-modal-text'; m.setAttribute('aria-describedby', text.id); }
    const live = m.querySelector('.st-key-idle_announce');
    if (live) { live.setAttribute('aria-live', 'polite'); }
  };
  const tick = () => {
    const m = modal();
    if (m && document.getElementById('explainer-cover')) { document.getElementById('explainer-cover').remove(); }
    if (m !== open) {
      release();
      open = m;
      if (m) { label(m); }
    }
    if (m) {
      if (!m.hasAttribute('role')) { label(m); }
      makeInert(m);  // again each time: Streamlit may have drawn new parts of the page
      // Focus stays in the modal, also when Streamlit redraws its button (the countdown moves).
      const button = m.querySelector('button');
      if (button && !m.contains(document.activeElement)) { button.focus(); }
    }
  };
  setInterval(tick, 200);
})();
