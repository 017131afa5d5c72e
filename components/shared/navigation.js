// Phone Back and Forward through the question steps (see navigation.py).
// A history entry holds {explainer: {step, gen}}: the step's number and the session's
// generation, never an answer; the address is left as it is.
(() => {
  if (window.__explainerHistory) { return; }
  window.__explainerHistory = true;
  let want = null;        // the step a Back or Forward asked for, until the app shows it
  let shownGen = null;    // a new generation means the answers were cleared
  let lastPath = location.pathname;
  let lastPress = 0;
  let pressedOn = null;  // the step a hidden control was pressed on
  const marker = () => document.querySelector('[data-explainer-step]');
  const settled = () => !!document.querySelector(
    '[data-testid="stApp"][data-test-connection-state="CONNECTED"][data-test-script-state="notRunning"]');
  const press = (name) => {
    const b = document.querySelector(`.st-key-history_${name} button`);
    if (!b || b.disabled) { return false; }
    b.click();
    return true;
  };
  window.addEventListener('popstate', (event) => {
    const entry = event.state && event.state.explainer;
    const m = marker();
    // Another page's entry, or one from before the answers were cleared: nothing to restore.
    if (!entry || !m || entry.gen !== Number(m.dataset.explainerGen)) { return; }
    want = entry.step;
    // Same page: the step moves here; Streamlit need not run the page again.
    if (location.pathname === lastPath) { event.stopImmediatePropagation(); }
  }, true);
  const tick = () => {
    const m = marker();
    if (!m) { want = null; return; }
    const step = Number(m.dataset.explainerStep);
    const gen = Number(m.dataset.explainerGen);
    if (shownGen !== null && gen !== shownGen) {
      want = null;
      window.dispatchEvent(new Event('explainer-stop'));
    }
    shownGen = gen;
    lastPath = location.pathname;
    if (!settled()) { return; }
    if (want !== null) {
      if (want === step) { want = null; return; }
      if (pressedOn === step && Date.now() - lastPress < 2000) { return; }  // the last move is still being drawn
      lastPress = Date.now();
      pressedOn = step;
      if (!press(want < step ? 'back' : 'forward')) { want = null; }
      return;
    }
    const here = history.state && history.state.explainer;
    const entry = {...(history.state || {}), explainer: {step, gen}};
    if (!here && step === 1) {
      // Start was tapped before the start screen was recorded (a slow device): record it now,
      // so Back from the first question still goes to the start screen, not out of the app.
      history.replaceState({...entry, explainer: {step: 0, gen}}, '');
      history.pushState({explainer: {step, gen}}, '');
    } else if (!here) {
      history.replaceState(entry, '');
    } else if (here.step !== step || here.gen !== gen) {
      history.pushState({explainer: {step, gen}}, '');
    }
  };
  setInterval(tick, 200);
  // Also the moment a run ends, so a step is in the history as soon as it is drawn (a Back
  // pressed right after a step appears then goes to the step before it, not one further).
  const app = document.querySelector('[data-testid="stApp"]');
  if (app) {
    new MutationObserver(tick).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  }
})();
