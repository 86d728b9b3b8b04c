/* genlogic proof browser: search, step navigation, dependency highlighting, graph hovering.
 *
 * One file for every page; <body data-page> says which page this is. Data comes from the page
 * itself (the DOM and <script type="application/json" id="page-data">), never from the network.
 * Text from the data is only ever set with textContent, never parsed as HTML.
 */
(function () {
  "use strict";

  var page = document.body.getAttribute("data-page");
  var data = {};
  var holder = document.getElementById("page-data");
  if (holder) {
    try { data = JSON.parse(holder.textContent) || {}; } catch (error) { data = {}; }
  }
  var smooth = !(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);

  var TEXT_INPUTS = ["text", "search", "email", "number", "password", "tel", "url"];

  function typing(event) {
    var target = event.target;
    if (!target || !target.tagName) { return false; }
    if (target.tagName === "INPUT") { return TEXT_INPUTS.indexOf(target.type) !== -1; }
    return target.tagName === "TEXTAREA" || target.tagName === "SELECT" || !!target.isContentEditable;
  }

  function plainKey(event) {
    return !(event.ctrlKey || event.metaKey || event.altKey);
  }

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  /* --- index: search ------------------------------------------------------------------------
   * A theorem matches a query when its name or id contains it (add_comm, law17, comm), or when its
   * statement contains it as a phrase up to the names of variables: "x * y = y * x" finds
   * "y * x = x * y", and an equation is found written either way round (each name that is not a
   * constant or definition of the theory or a keyword may stand for any other, one for one). The symbol chips keep the theorems that mention the symbol (as an
   * operation or constant, never as a letter of a name). Group counts follow the filter. */
  var KEYWORDS = ["forall", "exists", "and", "or", "not"];

  function tokens(text) { return text.match(/[A-Za-z0-9_']+|\S/g) || []; }

  function canonical(list, constants) {
    var names = {};
    var next = 0;
    return list.map(function (token) {
      var variable = /^[A-Za-z_][A-Za-z0-9_']*$/.test(token) && constants.indexOf(token) === -1 &&
        KEYWORDS.indexOf(token) === -1;
      if (!variable) { return token; }
      if (!Object.prototype.hasOwnProperty.call(names, token)) { next += 1; names[token] = "\u0001" + next; }
      return names[token];
    });
  }

  function occurs(statement, query, constants) {
    var wanted = canonical(query, constants).join("\u0000");
    for (var start = 0; start + query.length <= statement.length; start += 1) {
      if (canonical(statement.slice(start, start + query.length), constants).join("\u0000") === wanted) { return true; }
    }
    return false;
  }

  /* An equation is found written either way round: x = 0 + x finds 0 + x = x. */
  function containsPhrase(statement, query, constants) {
    var pattern = canonical(query, constants);
    if (pattern.every(function (token) { return token.charAt(0) === "\u0001"; })) { return false; }  // names only: not a phrase
    if (occurs(statement, query, constants)) { return true; }
    var equals = query.reduce(function (found, token, index) { return token === "=" ? found.concat([index]) : found; }, []);
    if (equals.length !== 1) { return false; }
    var at = equals[0];
    return occurs(statement, query.slice(at + 1).concat(["="], query.slice(0, at)), constants);
  }

  /* One search box over a list: ``items`` (each with data-syms), grouped in ``groups`` (each
     with a .count[data-total]), ``noun`` for the count line. */
  function initSearch(items, groups, noun) {
    var input = document.getElementById("search");
    var count = document.getElementById("search-count");
    if (!input) { return; }
    var constants = (data.symbols || []).concat(data.definitions || []);
    var chips = document.querySelectorAll("button.chip[data-sym]");
    var essential = document.getElementById("essential-filter");
    var entries = [];
    each(items, function (item) {
      var names = item.querySelectorAll(".thm-meta .thm-name, .thm-meta .anchor-id");
      var statement = item.querySelector(".thm-title, .stmt");
      entries.push({
        item: item,
        key: Array.prototype.map.call(names, function (el) { return el.textContent; }).join(" ").toLowerCase(),
        symbols: (item.getAttribute("data-syms") || "").split(" ").filter(Boolean),
        statement: tokens(statement ? statement.textContent : "")
      });
    });

    function chosen() {
      var symbols = [];
      each(chips, function (chip) {
        if (chip.getAttribute("aria-pressed") === "true") { symbols.push(chip.getAttribute("data-sym")); }
      });
      return symbols;
    }

    function apply() {
      var text = input.value.trim();
      var query = tokens(text);
      var symbols = chosen();
      var core = essential && essential.getAttribute("aria-pressed") === "true";
      var shown = 0;
      entries.forEach(function (entry) {
        var match = (!core || entry.item.getAttribute("data-essential") === "1") &&
          symbols.every(function (symbol) { return entry.symbols.indexOf(symbol) !== -1; }) &&
          (!query.length || (entry.key && entry.key.indexOf(text.toLowerCase()) !== -1) ||
           containsPhrase(entry.statement, query, constants));
        entry.item.hidden = !match;
        if (match) { shown += 1; }
      });
      var filtering = query.length || symbols.length || core;
      each(groups, function (group) {
        var visible = group.querySelectorAll("[data-syms]:not([hidden])").length;
        group.hidden = !visible;
        var badge = group.querySelector(".count[data-total]");
        if (badge) {
          badge.textContent = filtering ? visible + " of " + badge.getAttribute("data-total") : badge.getAttribute("data-total");
        }
      });
      if (count) {
        count.textContent = filtering
          ? shown + " of " + items.length + " " + noun + " match"
          : items.length + " " + noun;
      }
    }

    input.addEventListener("input", apply);
    each(essential ? Array.prototype.concat.call([], Array.prototype.slice.call(chips), [essential]) : chips, function (chip) {
      chip.addEventListener("click", function () {
        chip.setAttribute("aria-pressed", chip.getAttribute("aria-pressed") === "true" ? "false" : "true");
        apply();
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "/" && !typing(event) && plainKey(event)) {
        event.preventDefault();
        input.focus();
        input.select();
      } else if (event.key === "Escape" && event.target === input) {
        input.value = "";
        apply();
        input.blur();
      }
    });
    apply();
  }

  /* --- theorem: steps, premises, dependency chains, keyboard ---------------------------------- */
  function initTheorem() {
    var proof = document.getElementById("proof");
    if (!proof) { return; }
    var toggle = document.getElementById("glue-toggle");
    var steps = proof.querySelectorAll("li[id^=\"s\"]");
    var current = null;
    var flashed = null;
    var lit = [];
    var hovered = null;

    function setGlue(on) {
      proof.classList.toggle("hide-glue", !on);
      if (toggle) { toggle.checked = on; }
    }

    var kernel = document.getElementById("kernel");
    var calc = document.getElementById("calc");

    function reveal(step) {
      if (kernel) { kernel.open = true; }
      if (step.classList.contains("g")) { step.classList.add("rev"); }
      for (var el = step.parentElement; el && el !== proof; el = el.parentElement) {
        if (el.tagName === "DETAILS") { el.open = true; }
      }
    }

    /* Whether a step can be seen: not hidden glue, and in no collapsed block. (The content of a
       closed <details> may still have client rects: Chromium hides it with content-visibility.) */
    function visible(step) {
      for (var el = step.parentElement; el && el !== proof; el = el.parentElement) {
        if (el.tagName === "DETAILS" && !el.open) { return false; }
      }
      return step.getClientRects().length > 0;
    }

    function setCurrent(step) {
      if (current) { current.classList.remove("cur"); }
      current = step;
      if (step) { step.classList.add("cur"); }
    }

    function remember(id) {
      try { history.replaceState(null, "", "#" + id); } catch (error) { /* file:// may refuse */ }
    }

    function goTo(id) {
      var step = document.getElementById(id);
      if (!step || !proof.contains(step)) { return; }
      reveal(step);
      if (flashed) { flashed.classList.remove("hl"); }
      flashed = step;
      step.classList.remove("hl");
      void step.offsetWidth; // restart the flash animation
      step.classList.add("hl");
      setCurrent(step);
      step.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
      remember(id);
    }

    function premisesOf(step) {
      var numbers = [];
      each(step.querySelectorAll(":scope > small > a[href^=\"#s\"], :scope > code > a[href^=\"#s\"]"), function (link) {
        numbers.push(link.getAttribute("href").slice(2));
      });
      return numbers;
    }

    function chain(step) {
      var seen = {};
      var found = [];
      var stack = [step];
      while (stack.length) {
        premisesOf(stack.pop()).forEach(function (number) {
          if (seen[number]) { return; }
          seen[number] = true;
          var premise = document.getElementById("s" + number);
          if (premise) { found.push(premise); stack.push(premise); }
        });
      }
      return found;
    }

    function unlight() {
      lit.forEach(function (el) { el.classList.remove("dep", "tip"); });
      lit = [];
      hovered = null;
      proof.classList.remove("tracing");
    }

    function light(step) {
      if (step === hovered) { return; }
      unlight();
      hovered = step;
      step.classList.add("tip");
      lit.push(step);
      chain(step).forEach(function (premise) {
        premise.classList.add("dep");
        lit.push(premise);
      });
      proof.classList.add("tracing");
    }

    if (toggle) {
      toggle.addEventListener("change", function () { setGlue(toggle.checked); });
      setGlue(toggle.checked);
    }

    function jump(event) {
      var link = event.target.closest ? event.target.closest("a[href^=\"#s\"]") : null;
      if (!link) { return; }
      event.preventDefault();
      goTo(link.getAttribute("href").slice(1));
    }
    proof.addEventListener("click", jump);
    if (calc) { calc.addEventListener("click", jump); }
    proof.addEventListener("mouseover", function (event) {
      var step = event.target.closest ? event.target.closest("li[id^=\"s\"]") : null;
      if (step) { light(step); } else { unlight(); }
    });
    proof.addEventListener("mouseleave", unlight);

    /* j/k walk the steps one can see: a collapsed block's steps and hidden glue are skipped. If
       the current step has just been hidden (its block collapsed), the walk goes on from where
       it was, to the nearest visible step on that side. */
    function move(delta) {
      if (kernel && !kernel.open) { kernel.open = true; }
      var shown = Array.prototype.filter.call(steps, visible);
      if (!shown.length) { return; }
      var index = current ? shown.indexOf(current) : -1;
      var next;
      if (!current) {
        next = delta > 0 ? shown[0] : shown[shown.length - 1];
      } else if (index !== -1) {
        next = shown[Math.max(0, Math.min(shown.length - 1, index + delta))];
      } else {
        var side = shown.filter(function (step) {
          var position = current.compareDocumentPosition(step);
          return delta > 0 ? position & Node.DOCUMENT_POSITION_FOLLOWING : position & Node.DOCUMENT_POSITION_PRECEDING;
        });
        if (!side.length) { return; }
        next = delta > 0 ? side[0] : side[side.length - 1];
      }
      setCurrent(next);
      light(next);
      next.scrollIntoView({ block: "nearest", behavior: "auto" });
      remember(next.id);
    }

    function follow(rel) {
      var link = document.querySelector("a[rel=\"" + rel + "\"]");
      if (link) { window.location.href = link.href; }
    }

    document.addEventListener("keydown", function (event) {
      if (typing(event) || !plainKey(event)) { return; }
      if (event.key === "j") { move(1); }
      else if (event.key === "k") { move(-1); }
      else if (event.key === "g" && toggle && !toggle.disabled) { setGlue(!toggle.checked); }
      else if (event.key === "n") { follow("next"); }
      else if (event.key === "p") { follow("prev"); }
      else if (event.key === "Escape") { unlight(); setCurrent(null); }
      else { return; }
      event.preventDefault();
    });

    if (/^#s\d+$/.test(window.location.hash)) { goTo(window.location.hash.slice(1)); }
  }

  /* --- graph: neighbours on hover ------------------------------------------------------------ */
  function initGraph() {
    var svg = document.querySelector("svg.graph");
    var info = document.getElementById("graph-info");
    if (!svg) { return; }
    var names = data.names || {};
    var edges = svg.querySelectorAll("path.e");

    function clear() {
      svg.classList.remove("tracing");
      each(svg.querySelectorAll(".on, .near"), function (el) { el.classList.remove("on", "near"); });
    }

    function show(node) {
      clear();
      var key = node.getAttribute("data-k");
      var uses = [];
      var usedBy = [];
      node.classList.add("near");
      each(edges, function (edge) {
        var source = edge.getAttribute("data-s");
        var target = edge.getAttribute("data-t");
        if (source !== key && target !== key) { return; }
        edge.classList.add("on");
        var other = source === key ? target : source;
        (source === key ? uses : usedBy).push(names[other] || other);
        each(svg.querySelectorAll("a.node"), function (candidate) {
          if (candidate.getAttribute("data-k") === other) { candidate.classList.add("near"); }
        });
      });
      svg.classList.add("tracing");
      if (info) {
        info.textContent = (names[key] || key) + " — uses " + (uses.length ? uses.join(", ") : "nothing") +
          "; used by " + (usedBy.length ? usedBy.join(", ") : "nothing");
      }
    }

    each(svg.querySelectorAll("a.node"), function (node) {
      node.addEventListener("mouseenter", function () { show(node); });
      node.addEventListener("focus", function () { show(node); });
      node.addEventListener("mouseleave", clear);
      node.addEventListener("blur", clear);
    });
  }

  if (page === "index") {
    initSearch(document.querySelectorAll("#theorems .group:not(.unproved) li.thm"),
               document.querySelectorAll("#theorems .group:not(.unproved)"), "theorems");
  } else if (page === "corollaries") {
    initSearch(document.querySelectorAll("ol.corollaries > li"), [], "corollaries");
  }
  if (page === "theorem") { initTheorem(); }
  else if (page === "graph") { initGraph(); }
})();
