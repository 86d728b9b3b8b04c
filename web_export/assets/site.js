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

  /* --- index: live search ------------------------------------------------------------------- */
  function initIndex() {
    var input = document.getElementById("search");
    var count = document.getElementById("search-count");
    if (!input) { return; }
    var items = document.querySelectorAll("#theorems .group:not(.unproved) li.thm");
    var groups = document.querySelectorAll("#theorems .group:not(.unproved)");
    var texts = [];
    each(items, function (item) { texts.push(item.textContent.replace(/\s+/g, " ").toLowerCase()); });

    function apply() {
      var terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      each(items, function (item, index) {
        var text = texts[index];
        var match = terms.every(function (term) { return text.indexOf(term) !== -1; });
        item.hidden = !match;
        if (match) { shown += 1; }
      });
      each(groups, function (group) {
        group.hidden = !group.querySelector("li.thm:not([hidden])");
      });
      if (count) {
        count.textContent = terms.length
          ? shown + " of " + items.length + " theorems match"
          : items.length + " theorems";
      }
    }

    input.addEventListener("input", apply);
    each(document.querySelectorAll("button.chip[data-sym]"), function (chip) {
      chip.addEventListener("click", function () {
        input.value = chip.getAttribute("data-sym");
        apply();
        input.focus();
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

    function reveal(step) {
      if (step.classList.contains("g")) { step.classList.add("rev"); }
      for (var el = step.parentElement; el && el !== proof; el = el.parentElement) {
        if (el.tagName === "DETAILS") { el.open = true; }
      }
    }

    function visible(step) { return step.getClientRects().length > 0; }

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

    proof.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a[href^=\"#s\"]") : null;
      if (!link) { return; }
      event.preventDefault();
      goTo(link.getAttribute("href").slice(1));
    });
    proof.addEventListener("mouseover", function (event) {
      var step = event.target.closest ? event.target.closest("li[id^=\"s\"]") : null;
      if (step) { light(step); } else { unlight(); }
    });
    proof.addEventListener("mouseleave", unlight);

    function move(delta) {
      var shown = Array.prototype.filter.call(steps, visible);
      if (!shown.length) { return; }
      var index = current ? shown.indexOf(current) : -1;
      var next;
      if (index === -1) {
        next = delta > 0 ? shown[0] : shown[shown.length - 1];
      } else {
        next = shown[Math.max(0, Math.min(shown.length - 1, index + delta))];
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

  if (page === "index") { initIndex(); }
  else if (page === "theorem") { initTheorem(); }
  else if (page === "graph") { initGraph(); }
})();
