/* bibqual: filters of the year plan board, without a page reload. */
(function () {
  "use strict";

  function applyFilters(board, form) {
    var selects = form.querySelectorAll("select[data-filter]");
    var cards = board.querySelectorAll(".bq-card");
    var shown = 0;
    cards.forEach(function (card) {
      var visible = true;
      selects.forEach(function (select) {
        var wanted = select.value;
        if (!wanted) { return; }
        var values = (card.getAttribute("data-" + select.getAttribute("data-filter")) || "")
          .split("|");
        if (values.indexOf(wanted) === -1) { visible = false; }
      });
      card.hidden = !visible;
      if (visible) { shown += 1; }
    });
    board.querySelectorAll(".bq-column").forEach(function (column) {
      var count = column.querySelectorAll(".bq-card:not([hidden])").length;
      var badge = column.querySelector(".bq-count");
      if (badge) { badge.textContent = String(count); }
    });
    var status = document.getElementById("bq-filter-status");
    if (status) { status.textContent = status.getAttribute("data-template").replace("{n}", shown); }
  }

  function init() {
    var form = document.getElementById("bq-board-filters");
    var board = document.getElementById("bq-board");
    if (!form || !board) { return; }
    form.addEventListener("change", function () { applyFilters(board, form); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      applyFilters(board, form);
    });
    var reset = form.querySelector("[data-reset]");
    if (reset) {
      reset.addEventListener("click", function () {
        form.querySelectorAll("select[data-filter]").forEach(function (s) { s.value = ""; });
        applyFilters(board, form);
      });
    }
    var toggle = document.getElementById("bq-list-toggle");
    if (toggle) {
      toggle.addEventListener("click", function () {
        var on = document.body.classList.toggle("bq-list-mode");
        toggle.setAttribute("aria-pressed", on ? "true" : "false");
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
