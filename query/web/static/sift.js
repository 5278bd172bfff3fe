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
