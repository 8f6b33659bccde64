// backchannel's charts: small SVG drawings of the page's data (no library, no CDN).
// The page's data is the JSON in <script id="page-data">; each chart draws into its <svg>.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var QUAD_COLOURS = { q1: "#8fd18f", q2: "#3f9f3f", q3: "#f2a65a", q4: "#d64541" };

  function el(name, attrs, parent, text) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function size(svg) {
    var box = svg.getBoundingClientRect();
    return { w: Math.max(box.width, 300), h: Math.max(box.height, 160) };
  }

  function frame(svg, series) {
    var s = size(svg), pad = { l: 40, r: 10, t: 10, b: 28 };
    svg.setAttribute("viewBox", "0 0 " + s.w + " " + s.h);
    var band = (s.w - pad.l - pad.r) / Math.max(series.length, 1);
    return { s: s, pad: pad, band: band, bar: Math.min(Math.max(band * 0.8, 1), 48) };
  }

  function label(svg, f, i, text) {
    var every = Math.ceil(60 / Math.max(f.band, 1));
    if (i % every === 0) {
      el("text", { x: f.pad.l + i * f.band, y: f.s.h - 8 }, svg, String(text).slice(0, 10));
    }
  }

  function empty(svg, text) {
    el("text", { x: 20, y: 30, "class": "empty" }, svg, text);
  }

  function stacked(svg, series) {
    if (!series.length) { return empty(svg, "no dated events"); }
    var f = frame(svg, series);
    var max = Math.max.apply(null, series.map(function (d) { return d.events; }).concat([1]));
    var scale = (f.s.h - f.pad.t - f.pad.b) / max;
    el("text", { x: 4, y: f.pad.t + 10 }, svg, String(max));
    series.forEach(function (d, i) {
      var y = f.s.h - f.pad.b;
      ["q1", "q2", "q3", "q4"].forEach(function (k) {
        var h = d[k] * scale;
        if (h > 0) {
          var r = el("rect", { x: f.pad.l + i * f.band, y: y - h, width: f.bar, height: h,
                               fill: QUAD_COLOURS[k], "class": "bar " + k }, svg);
          el("title", {}, r, d.period + ": " + d[k] + " event(s), quad class " + k.slice(1));
          y -= h;
        }
      });
      label(svg, f, i, d.period);
    });
  }

  function diverging(svg, series) {
    if (!series.length) { return empty(svg, "no events of this dyad"); }
    var f = frame(svg, series);
    var max = Math.max.apply(null, series.map(function (d) {
      return Math.max(d.cooperation, d.conflict);
    }).concat([1]));
    var mid = (f.s.h - f.pad.b + f.pad.t) / 2, scale = (mid - f.pad.t) / max;
    el("line", { x1: f.pad.l, x2: f.s.w - f.pad.r, y1: mid, y2: mid, stroke: "#999" }, svg);
    series.forEach(function (d, i) {
      var x = f.pad.l + i * f.band;
      var up = el("rect", { x: x, y: mid - d.cooperation * scale, width: f.bar,
                            height: d.cooperation * scale, fill: QUAD_COLOURS.q2,
                            "class": "bar cooperation" }, svg);
      el("title", {}, up, d.period + ": " + d.cooperation + " cooperation");
      var down = el("rect", { x: x, y: mid, width: f.bar, height: d.conflict * scale,
                              fill: QUAD_COLOURS.q4, "class": "bar conflict" }, svg);
      el("title", {}, down, d.period + ": " + d.conflict + " conflict");
      label(svg, f, i, d.period);
    });
  }

  function network(svg, nodes, edges) {
    if (!nodes.length) { return empty(svg, "no edges"); }
    var s = size(svg), cx = s.w / 2, cy = s.h / 2, radius = Math.min(cx, cy) - 70;
    svg.setAttribute("viewBox", "0 0 " + s.w + " " + s.h);
    var defs = el("defs", {}, svg);
    var marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 22, refY: 5,
                                markerUnits: "userSpaceOnUse", markerWidth: 9,
                                markerHeight: 9, orient: "auto" }, defs);
    el("path", { d: "M0,0 L10,5 L0,10 z", fill: "#777" }, marker);
    var at = {};
    nodes.forEach(function (n, i) {
      var a = 2 * Math.PI * i / nodes.length;
      at[n.id] = { x: cx + radius * Math.cos(a), y: cy + radius * Math.sin(a) };
    });
    var most = Math.max.apply(null, edges.map(function (e) { return e.events; }).concat([1]));
    edges.forEach(function (e) {
      var a = at[e.source], b = at[e.target];
      var line = el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: "#777",
                              "stroke-opacity": 0.7, "stroke-width": 1 + 5 * e.events / most,
                              "marker-end": "url(#arrow)", "class": "edge" }, svg);
      el("title", {}, line, e.source + " → " + e.target + ": " + e.events + " event(s)");
    });
    nodes.forEach(function (n) {
      var p = at[n.id];
      var g = el("g", { "class": "node", "data-actor": n.id }, svg);
      el("circle", { cx: p.x, cy: p.y, r: 5 + Math.sqrt(n.events) * 2, fill: "#4a78b5" }, g);
      el("text", { x: p.x + 8, y: p.y - 8 }, g, n.id);
      el("title", {}, g, n.id + (n.country ? " (" + n.country + ")" : "") + ": " + n.events);
    });
  }

  function draw() {
    var data = JSON.parse(document.getElementById("page-data").textContent || "{}");
    var timeline = document.getElementById("timeline-chart");
    if (timeline) { stacked(timeline, data.timeline || []); }
    var dyad = document.getElementById("dyad-chart");
    if (dyad) { diverging(dyad, data.series || []); }
    var graph = document.getElementById("network-chart");
    if (graph) { network(graph, data.nodes || [], data.edges || []); }
    document.body.setAttribute("data-charts", "drawn");
  }

  document.addEventListener("DOMContentLoaded", draw);
})();
