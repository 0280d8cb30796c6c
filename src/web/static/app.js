/* nabij: small enhancements only; every page works without this script.
 * The card: a button that prints it (without the script the browser's own
 * print does the same). */
(function () {
	"use strict";
	var b = document.querySelector("button[data-print]");
	if (!b) return;
	b.hidden = false;
	b.addEventListener("click", function () { window.print(); });
})();
/*
 * The breathing page: a countdown for each phase and the time left, and the
 * exact seconds done sent with the "Done" form. */
(function () {
	"use strict";
	var wrap = document.querySelector(".pacer-wrap");
	if (!wrap) return;
	var inS = +wrap.dataset.in, hold = +wrap.dataset.hold, out = +wrap.dataset.out,
	    rest = +wrap.dataset.rest, total = +wrap.dataset.total;
	var cycle = inS + hold + out + rest, start = Date.now();
	var phaseEl = wrap.querySelector(".pacer-phase"), clockEl = wrap.querySelector(".pacer-clock");
	var svg = wrap.querySelector("svg.pacer"), said = -1;
	/* with reduced motion: a still circle whose words follow the phases */
	var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
	if (still && svg) {
		Array.prototype.forEach.call(svg.querySelectorAll("animate"), function (a) { a.remove(); });
		var circle = svg.querySelector("circle.breath");
		if (circle) circle.setAttribute("r", "70");
		svg.classList.add("still");
	}
	var d = wrap.dataset;	/* the words come translated from the page */
	var words = { in: d.wIn, hold: d.wHold, out: d.wOut, rest: d.wRest, left: d.wLeft, done: d.wDone };
	var seconds = document.querySelector("form.done input[name=seconds]");
	function tick() {
		var t = (Date.now() - start) / 1000;
		if (seconds) seconds.value = Math.round(Math.min(t, total));
		if (t >= total) { phaseEl.textContent = words.done; clockEl.textContent = ""; return; }
		var c = t % cycle, phase, end, n;
		if (c < inS) { phase = words.in; end = inS; n = 0; }
		else if (c < inS + hold) { phase = words.hold; end = inS + hold; n = 1; }
		else if (c < inS + hold + out) { phase = words.out; end = inS + hold + out; n = 2; }
		else { phase = words.rest; end = cycle; n = 3; }
		if (n !== said) {	/* a new phase: said once */
			said = n;
			phaseEl.textContent = phase;
			if (still && svg)
				Array.prototype.forEach.call(svg.querySelectorAll("text.phase"), function (x) {
					x.setAttribute("opacity", +x.dataset.phase === n ? "1" : "0");
				});
		}
		var left = Math.ceil(total - t);
		var clock = words.left.replace("%d", Math.floor(left / 60))
			.replace("%02d", ("0" + (left % 60)).slice(-2));
		clockEl.textContent = Math.ceil(end - c) + " · " + clock;
		window.setTimeout(tick, 200);
	}
	tick();
})();
/* "More": Escape closes it and gives the focus back; a tap beside it
 * closes it too. */
(function () {
	"use strict";
	document.addEventListener("click", function (e) {
		Array.prototype.forEach.call(document.querySelectorAll("nav details[open]"), function (d) {
			if (!d.contains(e.target)) d.open = false;
		});
	});
	document.addEventListener("keydown", function (e) {
		if (e.key !== "Escape") return;
		Array.prototype.forEach.call(document.querySelectorAll("nav details[open]"), function (d) {
			d.open = false;
			var s = d.querySelector("summary");
			if (s) s.focus();
		});
	});
})();
/* Signing up to nabij serve: the browser's time zone, so that a day is the
 * person's own day (without the script: the server's zone). */
(function () {
	"use strict";
	var f = document.querySelector("input[data-zone]");
	if (!f || !window.Intl) return;
	try { f.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { /* none */ }
})();
