(() => {
  if (window.explainerCardLinks) { return; }
  window.explainerCardLinks = true;
  const cardOf = (id) => document.querySelector(`[class*="st-key-card_${CSS.escape(id)}__"] details`);
  const open = (card) => {
    card.scrollIntoView({block: "start"});
    if (!card.open) { card.querySelector("summary").click(); }
    card.querySelector("summary").focus({preventScroll: true});
  };
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a[data-card]");
    if (!link) { return; }
    event.preventDefault();
    const id = link.dataset.card;
    if (cardOf(id)) { open(cardOf(id)); return; }
    const toggle = document.querySelector(`.st-key-group_${CSS.escape(link.dataset.group)} [data-testid="stCheckbox"] input`);
    if (toggle && !toggle.checked) { toggle.click(); }
    let tries = 0;
    const wait = setInterval(() => {
      if (cardOf(id) || ++tries > 50) { clearInterval(wait); if (cardOf(id)) { open(cardOf(id)); } }
    }, 100);
  });
})();
