(function () {
  "use strict";
  var docSel = document.getElementById("filter-doc");
  var entSel = document.getElementById("filter-entity");
  var out = document.getElementById("filter-count");
  function parse(v) { try { return JSON.parse(v || "[]"); } catch (e) { return []; } }
  function apply() {
    var d = docSel ? docSel.value : "";
    var e = entSel ? entSel.value : "";
    var items = document.querySelectorAll(".item");
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var it = items[i];
      var okDoc = !d || parse(it.getAttribute("data-docs")).indexOf(d) >= 0;
      var okEnt = !e || parse(it.getAttribute("data-entities")).indexOf(e) >= 0;
      var show = okDoc && okEnt;
      it.classList.toggle("hidden", !show);
      if (show) { shown++; }
    }
    if (out) { out.textContent = (d || e) ? shown + " of " + items.length + " items shown" : ""; }
  }
  if (docSel) { docSel.addEventListener("change", apply); }
  if (entSel) { entSel.addEventListener("change", apply); }
})();
