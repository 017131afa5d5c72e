(() => {
  window.explainerPlaces = /*places*/null;
  if (window.explainerBodyTap) { return; }
  window.explainerBodyTap = true;
  document.addEventListener("click", (event) => {
    const place = event.target.closest && event.target.closest(".st-key-body_pick [data-place]");
    if (!place) { return; }
    const index = window.explainerPlaces.indexOf(place.getAttribute("data-place"));
    const buttons = document.querySelectorAll('[class*="st-key-q_sites"] button');
    if (index >= 0 && buttons[index]) { buttons[index].click(); }
  });
})();
