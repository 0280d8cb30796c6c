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
	var status = wrap.querySelector(".pacer-status");
	var d = wrap.dataset;	/* the words come translated from the page */
	var words = { in: d.wIn, hold: d.wHold, out: d.wOut, rest: d.wRest, left: d.wLeft, done: d.wDone };
	var seconds = document.querySelector("form.done input[name=seconds]");
	function tick() {
		var t = (Date.now() - start) / 1000;
		if (seconds) seconds.value = Math.round(Math.min(t, total));
		if (t >= total) { status.textContent = words.done; return; }
		var c = t % cycle, phase, end;
		if (c < inS) { phase = words.in; end = inS; }
		else if (c < inS + hold) { phase = words.hold; end = inS + hold; }
		else if (c < inS + hold + out) { phase = words.out; end = inS + hold + out; }
		else { phase = words.rest; end = cycle; }
		var left = Math.ceil(total - t);
		var clock = words.left.replace("%d", Math.floor(left / 60))
			.replace("%02d", ("0" + (left % 60)).slice(-2));
		status.textContent = phase + " " + Math.ceil(end - c) + " · " + clock;
		window.setTimeout(tick, 200);
	}
	tick();
})();
