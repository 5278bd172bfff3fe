// Sift: small progressive enhancements; every page works without them.
(function () {
  "use strict";
  // Changing the sort or the operator re-runs the search at once.
  document.querySelectorAll("select.autosubmit").forEach(function (select) {
    select.addEventListener("change", function () {
      var q = select.form.querySelector("input[name=q]");
      if (q && q.value.trim()) { select.form.submit(); }
    });
  });
  // Browsers that cannot show a closed <details>' content (sift.css, the
  // facet toggle) open it on a wide screen, where the facets sit beside the hits.
  var toggle = document.querySelector("details.facets-toggle");
  if (toggle && !(window.CSS && CSS.supports("selector(::details-content)")) &&
      window.matchMedia("(min-width: 861px)").matches) {
    toggle.open = true;
  }
  // "/" focuses the query box, as on most search sites.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT");
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      var box = document.getElementById("q");
      if (box) { event.preventDefault(); box.focus(); box.select(); }
    }
  });
})();
