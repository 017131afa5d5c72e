(() => {
  const url = /*url*/null;
  fetch(url, {cache: "no-store", credentials: "same-origin"}).then((r) => r.text()).then((html) => {
    document.getElementById("takehome-print")?.remove();
    const frame = document.createElement("iframe");
    frame.id = "takehome-print";
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.style.cssText = "position:fixed;right:0;bottom:0;width:0;height:0;border:0;";
    const remove = () => frame.remove();
    frame.onload = () => {
      frame.contentWindow.addEventListener("afterprint", () => setTimeout(remove, 0));
      frame.contentWindow.focus();
      frame.contentWindow.print();
    };
    window.addEventListener("explainer-stop", remove, {once: true});
    frame.srcdoc = html;
    document.body.appendChild(frame);
  });
})();
