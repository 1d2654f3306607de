/* bibqual: filters of the year plan board, without a page reload; similar projects
   on the add form of a SMART project; the target year on the rollover form; the number
   keys for number boxes on a phone. */
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


  /* Similar projects: while the title of a new SMART project is typed, the
     projects of the own library and of libraries that share with the network
     that look like it, each with a button that copies it into this plan.
     Texts come from the viewlet's <template id="bq-similar-texts">; every
     value from the server is inserted as text, never as HTML. */
  var ADD_SUFFIX = "/++add++SmartProject";
  var MIN_CHARS = 3;
  var DELAY = 350;
  var LIMIT = 5;
  var DEFAULT_TEXTS = {
    heading: "Did colleagues already do this?",
    intro: "Type at least three letters of the title: similar projects appear here.",
    searching: "Looking for similar projects…",
    found: "Similar projects found: {n}",
    empty: "No similar projects found.",
    error: "Similar projects cannot be shown right now.",
    "own-library": "your library",
    "copied-none": "not copied yet",
    "copied-once": "copied once",
    "copied-many": "copied {n} times",
    indicators: "Indicators",
    indicator: "{name}: target {target} {unit}",
    "new-tab": "(opens in a new tab)",
    copy: "Copy into this plan",
    "copy-label": "Copy “{title}” into this plan",
    copying: "Copying…",
    "in-plan": "already in this year plan",
    "copy-again": "Copy again"
  };

  function fill(text, values) {
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(values[name] === null ? "" : String(values[name]));
    });
    return text.replace(/\s+/g, " ").trim();
  }

  function textSource(template) {
    var root = template ? template.content : null;
    return {
      get: function (key, values) {
        var node = root ? root.querySelector("[data-message='" + key + "']") : null;
        var text = node ? node.textContent : DEFAULT_TEXTS[key] || "";
        return fill(text, values);
      },
      state: function (state) {
        var node = root ? root.querySelector("[data-state='" + state + "']") : null;
        return node ? node.textContent.trim() : state;
      }
    };
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function formatNumber(value) {
    if (typeof value !== "number") { return value === null || value === undefined ? "" : value; }
    try {
      return value.toLocaleString(document.documentElement.lang || undefined);
    } catch (error) {
      return String(value);
    }
  }

  function safeUrl(url) {
    /* Only links to web pages: a hit's @id is a URL of a site; anything else is dropped. */
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : "";
  }

  function allowLeaving(form) {
    /* Plone's pat-formunloadalert asks whether to discard the typed title when the
       page is left; copying is a deliberate choice to leave the add form. */
    var jq = window.jQuery;
    if (!jq) { return; }
    try {
      var alert = jq(form).data("pattern-formunloadalert");
      if (alert) { alert._suppressed = true; }
    } catch (error) { /* the dialog may then ask; nothing breaks */ }
  }

  function SimilarPanel(addForm, title, template) {
    this.addForm = addForm;
    this.title = title;
    this.texts = textSource(template);
    var planUrl = (addForm.getAttribute("action") || "").split(ADD_SUFFIX)[0];
    this.searchUrl = (template && template.getAttribute("data-search-url")) ||
      planUrl + "/@similar-projects";
    this.copyUrl = (template && template.getAttribute("data-copy-url")) ||
      planUrl + "/@@copy-project";
    this.partners = !!(template && template.getAttribute("data-partners") === "1");
    /* sources already in this plan (its projects and what its copies came from) */
    this.inPlan = [];
    try {
      this.inPlan = JSON.parse((template && template.getAttribute("data-in-plan")) || "[]");
    } catch (error) { this.inPlan = []; }
    this.timer = null;
    this.controller = null;
    this.sequence = 0;
    this.lastQuery = null;
    this.build();
  }

  SimilarPanel.prototype.build = function () {
    var texts = this.texts;
    var panel = element("section", "bq-similar");
    panel.id = "bq-similar";
    panel.setAttribute("aria-labelledby", "bq-similar-heading");
    var heading = element("h2", "bq-similar-heading h5", texts.get("heading"));
    heading.id = "bq-similar-heading";
    panel.appendChild(heading);
    var intro = element("p", "bq-similar-intro form-text mt-0", texts.get("intro"));
    intro.id = "bq-similar-intro";
    panel.appendChild(intro);
    this.status = element("p", "bq-similar-status mb-2");
    this.status.id = "bq-similar-status";
    this.results = element("ol", "bq-similar-results list-unstyled mb-0");
    this.results.id = "bq-similar-results";
    var live = element("div", "bq-similar-live");
    live.setAttribute("aria-live", "polite");
    live.appendChild(this.status);
    live.appendChild(this.results);
    panel.appendChild(live);
    this.panel = panel;
    var field = document.getElementById("formfield-form-widgets-IDublinCore-title") ||
      this.title.parentNode;
    /* In a wrapper: inside Bootstrap's .row of the form, it gets the gutters of a field. */
    var wrapper = element("div", "bq-similar-wrap mb-3");
    wrapper.appendChild(panel);
    field.parentNode.insertBefore(wrapper, field.nextSibling);
    this.title.setAttribute("aria-describedby",
      ((this.title.getAttribute("aria-describedby") || "") + " bq-similar-intro").trim());
  };

  SimilarPanel.prototype.clear = function () {
    this.status.textContent = "";
    this.status.className = "bq-similar-status mb-2";
    while (this.results.firstChild) { this.results.removeChild(this.results.firstChild); }
  };

  SimilarPanel.prototype.message = function (key, values, quiet) {
    this.clear();
    this.status.textContent = this.texts.get(key, values);
    if (quiet) { this.status.className += " text-body-secondary"; }
  };

  SimilarPanel.prototype.schedule = function () {
    var panel = this;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () { panel.search(); }, DELAY);
  };

  SimilarPanel.prototype.search = function () {
    var panel = this;
    var query = this.title.value.trim();
    if (query === this.lastQuery) { return; }
    this.lastQuery = query;
    if (this.controller) { this.controller.abort(); }
    this.controller = null;
    var sequence = ++this.sequence;
    if (query.length < MIN_CHARS) {
      this.clear();
      return;
    }
    this.message("searching", null, true);
    this.panel.setAttribute("aria-busy", "true");
    var options = { headers: { Accept: "application/json" }, credentials: "same-origin" };
    if (window.AbortController) {
      this.controller = new AbortController();
      options.signal = this.controller.signal;
    }
    var url = this.searchUrl + "?limit=" + LIMIT + "&q=" + encodeURIComponent(query) +
      (this.partners ? "&partners=1" : "");
    fetch(url, options)
      .then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.json();
      })
      .then(function (data) {
        if (sequence !== panel.sequence) { return; }
        panel.panel.removeAttribute("aria-busy");
        panel.show(data && Array.isArray(data.items) ? data.items : []);
      })
      .catch(function () {
        if (sequence !== panel.sequence) { return; }
        panel.panel.removeAttribute("aria-busy");
        panel.lastQuery = null;
        panel.message("error", null, true);
      });
  };

  SimilarPanel.prototype.show = function (items) {
    var panel = this;
    /* a hit is copied by its UID; a partner site's hit by its address */
    items = items.filter(function (item) {
      return item && (item.partner ? safeUrl(item["@id"]) : typeof item.UID === "string");
    });
    if (!items.length) {
      this.message("empty", null, true);
      return;
    }
    this.message("found", { n: items.length }, true);
    items.forEach(function (item) { panel.results.appendChild(panel.hit(item)); });
  };

  SimilarPanel.prototype.hit = function (item) {
    var texts = this.texts;
    var panel = this;
    var li = element("li", "bq-similar-hit");
    li.setAttribute("data-uid", item.UID);

    var heading = element("h3", "bq-similar-title h6 mb-1");
    /* A colleague library's project is shown here, not opened: its page is not
       readable for staff of other libraries (a link would end on "no access"). */
    var url = item.own_library || item.can_view === true ? safeUrl(item["@id"]) : "";
    if (url) {
      var link = element("a", "bq-similar-link", item.title || "");
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener";
      link.appendChild(element("span", "visually-hidden", " " + texts.get("new-tab")));
      heading.appendChild(link);
    } else {
      heading.textContent = item.title || "";
    }
    li.appendChild(heading);

    var meta = element("p", "bq-similar-meta small mb-1");
    meta.appendChild(element("span", "bq-similar-library", item.library || ""));
    if (item.own_library) {
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(element("span", "bq-similar-own badge text-bg-light border",
        texts.get("own-library")));
    }
    if (item.year) {
      meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(element("span", "bq-similar-year", item.year));
    }
    if (item.review_state) {
      meta.appendChild(document.createTextNode(" · "));
      var state = String(item.review_state).replace(/[^a-z_-]/gi, "");
      meta.appendChild(element("span", "bq-phase bq-phase-" + state,
        texts.state(item.review_state)));
    }
    var source = item.partner ? safeUrl(item["@id"]) : item.UID;
    var inPlan = this.inPlan.indexOf(source) !== -1;
    if (inPlan) {
      li.classList.add("bq-similar-in-plan");
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(element("span", "bq-similar-in-plan-badge badge text-bg-warning",
        texts.get("in-plan")));
    }
    var count = typeof item.copy_count === "number" ? item.copy_count : 0;
    meta.appendChild(document.createTextNode(" · "));
    meta.appendChild(element("span", "bq-similar-copies", count === 0 ?
      texts.get("copied-none") : count === 1 ? texts.get("copied-once") :
      texts.get("copied-many", { n: count })));
    li.appendChild(meta);

    if (item.specific) {
      li.appendChild(element("p", "bq-similar-specific mb-1", item.specific));
    }

    var indicators = Array.isArray(item.indicators) ? item.indicators.filter(function (row) {
      return row && row.name;
    }) : [];
    if (indicators.length) {
      var list = element("ul", "bq-similar-indicators small mb-2");
      list.setAttribute("aria-label", texts.get("indicators"));
      indicators.forEach(function (row) {
        list.appendChild(element("li", null, texts.get("indicator", {
          name: row.name,
          target: formatNumber(row.target),
          unit: row.unit || ""
        })));
      });
      li.appendChild(list);
    }

    var button = element("button", "btn btn-sm btn-outline-primary bq-copy-button",
      texts.get(inPlan ? "copy-again" : "copy"));
    button.type = "button";
    button.setAttribute("aria-label", texts.get("copy-label", { title: item.title || "" }));
    button.addEventListener("click", function () { panel.copy(source, button); });
    li.appendChild(button);
    return li;
  };

  SimilarPanel.prototype.copy = function (uid, button) {
    /* A plain form POST: the server copies under the title typed here, then sends
       the browser to the copy (or asks first when the project is already in the plan). */
    var form = element("form");
    form.method = "post";
    form.action = this.copyUrl;
    form.hidden = true;
    var token = this.addForm.querySelector("input[name='_authenticator']");
    [["source", uid], ["title", this.title.value.trim()],
      ["_authenticator", token ? token.value : ""]].forEach(function (pair) {
      var input = element("input");
      input.type = "hidden";
      input.name = pair[0];
      input.value = pair[1];
      form.appendChild(input);
    });
    document.body.appendChild(form);
    button.disabled = true;
    button.textContent = this.texts.get("copying");
    allowLeaving(this.addForm);
    form.submit();
  };

  function initSimilar() {
    var title = document.getElementById("form-widgets-IDublinCore-title");
    var addForm = title ? title.form : null;
    if (!addForm || !window.fetch) { return; }
    var action = addForm.getAttribute("action") || "";
    if (action.indexOf(ADD_SUFFIX) === -1) { return; }
    var panel = new SimilarPanel(addForm, title, document.getElementById("bq-similar-texts"));
    title.addEventListener("input", function () { panel.schedule(); });
    if (title.value.trim().length >= MIN_CHARS) { panel.search(); }
  }

  /* Rollover form: show the year of the new plan for the chosen plan. */
  function initRollover() {
    var select = document.getElementById("bq-rollover-from");
    var target = document.getElementById("bq-rollover-to");
    if (!select || !target) { return; }
    select.addEventListener("change", function () {
      var option = select.options[select.selectedIndex];
      if (option) { target.textContent = option.getAttribute("data-to-year") || ""; }
    });
  }

  function initNumbers() {
    // number boxes (budget, the indicator grid; rows the grid adds are copies of its
    // template row): a phone shows the number keys with the decimal comma
    document.querySelectorAll("input.bq-number").forEach(function (input) {
      input.setAttribute("inputmode", "decimal");
    });
  }

  function start() {
    [init, initSimilar, initRollover, initNumbers].forEach(function (setup) {
      try {
        setup();
      } catch (error) {
        if (window.console) { window.console.warn("bibqual:", error); }
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
