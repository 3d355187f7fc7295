/// The addresses `serve` answers itself, outside any site's paths (no output starts with `__`),
/// and what it sends there.
enum ServeRoutes {
    static let prefix = "/__inspraak/"
    static let reloadScript = prefix + "reload.js"
    static let overlayCSS = prefix + "overlay.css"
    static let events = prefix + "events"

    /// Reloads the page after a rebuild that changed it, keeping the scroll position in
    /// sessionStorage; an external file, so a page's Content-Security-Policy need not allow
    /// inline scripts. Without EventSource or sessionStorage the page simply stays as it is.
    static let reloadScriptText = """
    // inspraak serve: reloads this page after a rebuild that changed it (Server-Sent Events).
    (function () {
      "use strict";
      var script = document.currentScript;
      var pages = script && script.dataset.pages ? script.dataset.pages.split(" ").map(decodeURI) : [];
      var key = "inspraak-scroll:" + location.pathname;
      var failing = function () { return document.getElementById("inspraak-errors") !== null; };
      // Back at the place the reader was, unless the error overlay now has the focus.
      try {
        var saved = sessionStorage.getItem(key);
        if (saved !== null && !failing()) {
          sessionStorage.removeItem(key);
          var xy = saved.split(",");
          window.scrollTo(Number(xy[0]) || 0, Number(xy[1]) || 0);
          window.addEventListener("load", function () { window.scrollTo(Number(xy[0]) || 0, Number(xy[1]) || 0); });
        }
      } catch (e) {}
      if (!window.EventSource) { return; }
      var events = new EventSource("\(events)");
      // Listening: said on the page for whoever checks (the end-to-end test).
      events.addEventListener("open", function () { document.documentElement.setAttribute("data-inspraak-live", ""); });
      events.addEventListener("rebuild", function (event) {
        var change;
        try { change = JSON.parse(event.data); } catch (e) { return; }
        var changed = change.changed || [];
        var hit = change.all || pages.some(function (page) { return changed.indexOf(page) >= 0; });
        if (!hit) { return; }
        try { if (!failing()) { sessionStorage.setItem(key, window.scrollX + "," + window.scrollY); } } catch (e) {}
        events.close();
        location.reload();
      });
    })();

    """

    /// The overlay's look: a panel over the top of the page (the last good page stays beneath
    /// it), readable at 320 px, its code scrolling sideways inside itself.
    static let overlayCSSText = """
    /* inspraak serve: the error overlay. */
    .inspraak-errors {
      position: fixed; inset: 0 0 auto 0; z-index: 2147483647;
      max-height: 80vh; overflow: auto; box-sizing: border-box;
      margin: 0; padding: 1rem clamp(0.75rem, 3vw, 2rem);
      background: #fff; color: #1a1a1a; border-bottom: 0.4rem solid #a4000f;
      box-shadow: 0 0.3rem 1.2rem rgba(0, 0, 0, 0.35);
      font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; text-align: left;
    }
    .inspraak-errors h1 { margin: 0 0 0.5rem; font-size: 1.375rem; line-height: 1.25; color: #a4000f; }
    .inspraak-errors h1:focus, .inspraak-errors pre:focus { outline: 0.2rem solid #1a1a1a; outline-offset: 0.2rem; }
    .inspraak-errors p { margin: 0 0 0.75rem; max-width: 60rem; }
    .inspraak-errors ol { margin: 0; padding-left: 1.5rem; }
    .inspraak-errors li { margin: 0 0 1rem; overflow-wrap: anywhere; }
    .inspraak-errors code, .inspraak-errors pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.875rem; }
    .inspraak-errors pre {
      margin: 0; padding: 0.5rem; overflow-x: auto; max-width: 100%; box-sizing: border-box;
      background: #f3f3f3; color: #1a1a1a; border-left: 0.25rem solid #767676; line-height: 1.4;
    }
    .inspraak-errors mark { display: inline-block; min-width: 100%; background: #ffe1e1; color: #1a1a1a; font-weight: bold; }
    .inspraak-warning mark { background: #fff3c4; }

    """
}
