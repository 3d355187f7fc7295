// The search form on search/index.html, added only when Pagefind's index can be loaded: without
// JavaScript or without an index the page keeps its links to the overviews and nothing else.
// Every word shown comes from the page's data attributes (the theme's UI strings).
(function () {
  "use strict";
  var root = document.getElementById("search-ui");
  if (!root || !("fetch" in window)) return;
  var words = root.dataset;
  var bundle = new URL(words.bundle, document.baseURI).href;
  var filterNames = ["type", "theme", "council", "place", "status"];

  function element(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  import(bundle + "pagefind.js").then(function (pagefind) {
    return pagefind.options({ baseUrl: words.base }).then(function () {
      return pagefind.filters();
    }).then(function (available) {
      build(pagefind, available || {});
    });
  }).catch(function () { /* no index: the overviews below are the way in */ });

  function build(pagefind, available) {
    var form = element("form", { role: "search", "class": "search-form" });
    var field = element("p", { "class": "search-field" });
    var label = element("label", { "for": "search-input" }, words.label);
    var input = element("input", { type: "search", id: "search-input", name: "q", autocomplete: "off" });
    var button = element("button", { type: "submit" }, words.button);
    field.append(label, input, button);
    form.append(field);

    var selects = {};
    var used = filterNames.filter(function (name) { return available[name] && Object.keys(available[name]).length; });
    if (used.length) {
      var set = element("fieldset", { "class": "search-filters" });
      set.append(element("legend", {}, words.filters));
      used.forEach(function (name) {
        var id = "search-filter-" + name;
        var wrap = element("p");
        var select = element("select", { id: id, name: name });
        select.append(element("option", { value: "" }, words.all));
        Object.keys(available[name]).sort(function (a, b) { return a.localeCompare(b, document.documentElement.lang); })
          .forEach(function (value) { select.append(element("option", { value: value }, value)); });
        select.addEventListener("change", run);
        selects[name] = select;
        wrap.append(element("label", { "for": id }, words["filter" + name.charAt(0).toUpperCase() + name.slice(1)]), select);
        set.append(wrap);
      });
      form.append(set);
    }
    var status = element("p", { "class": "search-status", role: "status" });
    var list = element("ol", { "class": "search-results" });
    root.append(form, status, list);

    var query = new URLSearchParams(window.location.search).get("q");
    if (query) input.value = query;
    var timer;
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 250); });
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    var latest = 0;

    function run() {
      var term = input.value.trim();
      var filters = {};
      Object.keys(selects).forEach(function (name) { if (selects[name].value) filters[name] = selects[name].value; });
      var ask = ++latest;
      if (!term && !Object.keys(filters).length) { status.textContent = ""; list.replaceChildren(); return; }
      pagefind.search(term || null, { filters: filters }).then(function (search) {
        return Promise.all(search.results.slice(0, 20).map(function (result) { return result.data(); }))
          .then(function (pages) { if (ask === latest) show(search.results.length, pages); });
      });
    }

    function show(count, pages) {
      status.textContent = count === 0 ? words.none : (count === 1 ? words.one : words.other.replace("{n}", String(count)));
      list.replaceChildren.apply(list, pages.map(function (page) {
        var item = element("li", { "class": "search-result" });
        var heading = element("p", { "class": "search-result-title" });
        heading.append(element("a", { href: page.url }, page.meta.title || page.url));
        var excerpt = element("p", { "class": "search-result-excerpt" });
        // Pagefind's excerpt: the page's own text, escaped, with the found words in <mark>.
        excerpt.innerHTML = page.excerpt;
        item.append(heading, excerpt);
        return item;
      }));
    }
    if (query) run();
  }
})();
