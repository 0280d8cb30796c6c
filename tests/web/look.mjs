// How nabij looks and reads, page by page (issue 25): every state of the
// web UI in both colour schemes, both languages, on a phone (375 px) and a
// desktop (1280 px, with every fold open), checked by axe-core against
// WCAG 2.2 A and AA and axe's best practices; then, per state and
// language, no sideways scroll at 320 px, the page's heading within 80 px
// of the top of a phone's screen, and on the check-in the first answer
// within a phone's first screen. Each violation counts as a failure.
// The data is a few weeks of one person's life, written with nabij's own
// commands on a fixed clock, so that every run (and every picture) is the
// same.
//   node look.mjs NABIJ_BINARY [SHOTS]        the checks; a few pictures in SHOTS
//   node look.mjs NABIJ_BINARY --readme DIR   only the README's pictures, into DIR
//   node look.mjs NABIJ_BINARY --compare DIR  only full-page pictures of the main
//                                             pages at 375 and 1280 px, light, to
//                                             compare a layout before and after
import { chromium } from "playwright-core";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { axe, overflowing } from "./axe.mjs";

const bin = process.argv[2];
const mode = process.argv[3] === "--readme" ? "readme" : process.argv[3] === "--compare" ? "compare" : "check";
const shots = (mode === "check" ? process.argv[3] : process.argv[4]) || "build/screenshots";
const slow = Number(process.env.NABIJ_TEST_SLOW || 1);
const top = mkdtempSync(join(tmpdir(), "nabij-look-"));
mkdirSync(shots, { recursive: true });
const started = Date.now();

let passed = 0, failed = 0;
function check(name, ok, detail) {
	if (ok) passed++;
	else { failed++; console.log(`FAIL ${name}${detail ? ": " + detail : ""}`); }
}

/* A fixed clock: Thursday 26 November 2026, in the evening, in Amsterdam. */
const TODAY = "2026-11-26";
const NOW = `${TODAY}T20:30:00+01:00`;
const env = (db, now) => ({ ...process.env, NABIJ_DB: db, NABIJ_NOW: now || NOW, LANGUAGE: "en",
	LC_ALL: "C.UTF-8", TZ: "Europe/Amsterdam" });

/* nabij ARGS... on db at the moment now; stops the test when nabij refuses */
function nabij(db, now, args) {
	const r = spawnSync(bin, args, { env: env(db, now), encoding: "utf8" });
	if (r.status !== 0)
		throw new Error(`nabij ${args.join(" ")}: exit ${r.status}: ${r.stderr}`);
	return r.stdout;
}
/* the day n days before TODAY */
function day(n) {
	const d = new Date(`${TODAY}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() - n);
	return d.toISOString().slice(0, 10);
}
const at = (n, time) => `${day(n)}T${time}:00+01:00`;

/* Three weeks of Eva: check-ins most days, moments, a circle of four with
 * her sister first to call, a trigger and how it went, exercises, a week's
 * reflection with an intention, the attachment reflection, an experiment. */
function seed(db) {
	const run = (n, time, ...args) => nabij(db, at(n, time), args);
	run(21, "09:00", "circle", "add", "Mirjam", "--reach", "06-12345678", "--helps", "a walk and a cup of tea", "--first");
	run(21, "09:01", "circle", "add", "Tom", "--reach", "06-87654321", "--helps", "listens without advice");
	run(21, "09:02", "circle", "add", "Dr. Visser", "--reach", "020-5551234", "--helps", "my GP");
	run(21, "09:03", "circle", "add", "The library", "--place", "--reach", "Oude Gracht 12", "--helps", "people around, quietly");
	const moods = [3, 2, 3, 4, 3, 2, 2, 3, 4, 4, 3, 3, 2, 3, 4, 4, 3, 4, 3, 3, 4, 3];
	for (let n = 21; n >= 0; n--) {
		if (n % 5 === 3) continue;	/* missing a day is normal */
		const m = moods[21 - n];
		run(n, "08:15", "checkin", "--mood", String(m), "--tension", String(6 - m), "--connection", String(Math.max(1, m - (n % 2))),
			"--energy", String(m), "--sleep-hours", n % 3 ? "7.5" : "6", "--sleep-quality", String(m),
			"--state", m <= 2 ? "activated" : "calm", "--emotion", m <= 2 ? "fear:3" : "joy:2", "--need", m <= 2 ? "rest" : "contact",
			"--body", m <= 2 ? "tension@shoulders" : "warmth@chest", ...(n % 4 ? [] : ["--note", "Slept badly; a walk with Mirjam helped."]));
		if (n % 2 === 0)
			run(n, "18:30", "moment", n % 4 ? "talk" : "hug", "--with", n % 4 ? "Tom" : "Mirjam", "--seconds", n % 4 ? "20m" : "30s",
				"--safe", "yes", "--effect", "breath");
		if (n % 3 === 1)
			run(n, "21:45", "exercise", "start", "breath", "--seconds", "300", "--tension-before", "4", "--tension-after", "2");
		if (n % 7 === 5)
			run(n, "22:00", "moment", "self", "--seconds", "2m", "--safe", "yes", "--effect", "warmth");
	}
	const trigger = JSON.parse(nabij(db, at(9, "19:00"), ["--json", "trigger", "--situation", "A colleague walked past without saying hello", "--reaction", "I went quiet for the rest of the day",
		"--emotion", "shame", "--need", "belonging", "--alternative", "Ask her tomorrow how she is"])).id;
	run(8, "10:00", "trigger", "outcome", String(trigger), "She had not seen me; we had lunch together.");
	run(4, "20:00", "reflect", "--text", "Being held for a moment by my sister.");
	run(4, "20:10", "week", "--intention", "Call Tom on Wednesday evening");
	run(11, "21:00", "attachment", "--answers", "5,3,6,2,3,5,6,2,5,6,3,2");
	run(3, "09:00", "experiment", "start", "evening-breath", "--outcome", "tension", "--seed", "00000000000000ff");	/* the same plan each run */
}

/* nabij ui on db; its opening address */
function start(db, now) {
	const proc = spawn(bin, ["ui", "--no-open", "--address", "--port", "0"], {
		env: env(db, now), stdio: ["ignore", "pipe", "inherit"] });
	return new Promise((resolve, reject) => {
		let out = "";
		const late = setTimeout(() => { proc.kill(); reject(new Error("nabij ui printed no address: " + out)); }, 5000 * slow);
		proc.stdout.on("data", (d) => {
			out += d;
			const m = out.match(/http:\/\/127\.[0-9.]+:\d+\/\?token=[0-9a-f]{32}/);
			if (m) {
				clearTimeout(late);
				resolve({ proc, url: m[0], origin: new URL(m[0]).origin });
			}
		});
	});
}
/* Ctrl-C, as a person stops it; a server that does not stop is ended */
function stop(s) {
	return new Promise((resolve) => {
		if (s.proc.exitCode !== null || s.proc.signalCode !== null) return resolve();
		const end = setTimeout(() => s.proc.kill("SIGKILL"), 10000 * slow);
		s.proc.on("exit", () => { clearTimeout(end); resolve(); });
		s.proc.kill("SIGINT");
	});
}

/* Submit the first form of main with these values (by name), as a person
 * would after choosing them; wait for the page that answers. By names and
 * not by what the page shows, so that a new layout keeps the test. */
async function submit(page, values) {
	await Promise.all([page.waitForEvent("load"), page.evaluate((values) => {
		const form = document.querySelector("main form");
		for (const [name, value] of values) {
			const els = [...form.querySelectorAll(`[name="${name}"]`)];
			const box = els.find((e) => (e.type === "radio" || e.type === "checkbox") && e.value === value);
			if (box) box.checked = true;
			else els[0].value = value;
		}
		form.requestSubmit();
	}, values)]);
}

/* Every state of the UI: its name, the server it is on, and how to reach
 * it from a signed-in page. */
const states = [
	{ name: "today-first", on: "empty", path: "/", shows: ".welcome" },
	{ name: "experiment-setup", on: "empty", path: "/experiment", shows: "main form select" },
	{ name: "today", on: "full", path: "/", shows: "ul.records" },
	{ name: "checkin", on: "full", path: "/checkin" },
	{ name: "checkin-error", on: "full", path: "/checkin",
		act: (page) => submit(page, [["mood", "3"], ["sleep-hours", "seven"], ["note", "kept after the error"]]),
		shows: "[aria-invalid=true]" },
	{ name: "moment", on: "full", path: "/moment" },
	{ name: "exercises", on: "full", path: "/exercises" },
	{ name: "exercise-steps", on: "full", path: "/exercise/grounding" },
	{ name: "exercise-running", on: "full", path: "/exercise/breath?start=1&minutes=1", wait: 1200, shows: "svg.pacer" },
	{ name: "exercise-urge", on: "full", path: "/exercise/urge?start=1&before=4", wait: 1200, shows: "svg.pacer" },
	{ name: "circle", on: "full", path: "/circle" },
	{ name: "card", on: "full", path: "/card" },
	{ name: "beside", on: "full", path: "/beside" },
	{ name: "trigger", on: "full", path: "/trigger" },
	{ name: "week", on: "full", path: "/week" },
	{ name: "charts", on: "full", path: "/charts", shows: "figure.chart svg" },
	{ name: "insights", on: "full", path: "/insights" },
	{ name: "insights-how", on: "full", path: "/insights/how" },
	{ name: "reflect", on: "full", path: "/reflect" },
	{ name: "phases", on: "full", path: "/phases" },
	{ name: "history", on: "full", path: "/history" },
	{ name: "search", on: "full", path: "/history?q=walk", shows: "p.snippet mark" },
	{ name: "record", on: "full", path: "/r/5" },
	{ name: "edit", on: "full", path: "/r/5/edit" },
	{ name: "help", on: "full", path: "/help" },
	{ name: "data", on: "full", path: "/data" },
	{ name: "experiment", on: "full", path: "/experiment" },
	{ name: "attachment", on: "full", path: "/attachment" },
	{ name: "not-found", on: "full", path: "/nowhere" },
	{ name: "deleted", on: "full", path: "/history?deleted=1", shows: "main form button",	/* with Undo */
		before: (db) => nabij(db, NOW, ["delete", String(JSON.parse(nabij(db, NOW, ["--json", "list", "--type", "moment"])).pop().id), "--yes"]) },
	{ name: "today-urge", on: "full", path: "/checkin",	/* a check-in with a strong craving, saved */
		act: (page) => submit(page, [["mood", "2"], ["emotion", "craving"], ["craving", "5"]]), shows: "#urge-h" },
	{ name: "unlock", on: "locked", path: "/", shows: "input[type=password]" },
];

const variants = [];
for (const lang of ["en", "nl"])
	for (const scheme of ["light", "dark"])
		variants.push({ lang, scheme });
const PHONE = { width: 375, height: 667 }, DESK = { width: 1280, height: 800 };

const findings = [], undecided = [];	/* for the summaries by rule and page */
async function look(page, state, v) {
	const where = `${state.name} ${v.scheme} ${v.lang}`;
	await page.setViewportSize(PHONE);
	const r = await page.goto(v.origin + state.path);
	if (state.act) await state.act(page);
	else if (state.name === "not-found") check(`${where}: 404`, r.status() === 404, String(r.status()));
	if (state.wait) await page.waitForTimeout(state.wait);
	if (state.shows)
		check(`${where}: the page shows ${state.shows}`, await page.locator(state.shows).count() > 0);
	for (const size of [PHONE, DESK]) {
		await page.setViewportSize(size);
		/* on the desktop with every fold open, so that what waits behind
		 * "Adjust" or "Body, energy and sleep" is checked too (on a light
		 * phone they were opened at 320 px already) */
		if (size === DESK) await page.evaluate(() => { for (const d of document.querySelectorAll("details")) d.open = true; });
		await page.evaluate(() => window.scrollTo(0, 0));
		const { violations: found, incomplete } = await axe(page);
		for (const f of incomplete)
			undecided.push({ ...f, state: state.name, scheme: v.scheme, lang: v.lang, width: size.width });
		if (!found.length) passed++;
		for (const f of found) {	/* each violation a failure */
			findings.push({ ...f, state: state.name, scheme: v.scheme, lang: v.lang, width: size.width });
			check(`axe ${f.id} (${f.impact}) on ${state.name}, ${v.scheme}, ${v.lang}, ${size.width} px`, false,
				`${f.help}: ${f.targets.slice(0, 4).join(", ")}${f.targets.length > 4 ? ` and ${f.targets.length - 4} more` : ""}`);
		}
		if (v.scheme !== "light") continue;	/* the layout is the same in both schemes */
		if (size === PHONE) {
			const [h1, head] = await page.evaluate(() => {
				const h = document.querySelector("main h1"), top = document.querySelector("body > header");
				return [h ? Math.round(h.getBoundingClientRect().top) : null, top ? Math.round(top.getBoundingClientRect().bottom) : 0];
			});
			check(`${state.name} ${v.lang}: the heading within 80 px of the top at 375 px`, h1 !== null && h1 <= 80,
				h1 === null ? "no h1 in main" : `at ${h1} px (the header ends at ${head} px)`);
			if (state.name === "checkin") {
				const first = await page.evaluate(() => {
					const i = document.querySelector("main form input:not([type=hidden]), main form select, main form textarea");
					return i ? Math.round(i.getBoundingClientRect().bottom) : null;
				});
				check(`checkin ${v.lang}: the first answer in the first screen at 375×667`, first !== null && first <= 667,
					first === null ? "no answer" : `its bottom at ${first} px`);
			}
			await page.setViewportSize({ width: 320, height: 667 });
			/* as the page comes, and with every fold open */
			const wide = await page.evaluate(() => document.documentElement.scrollWidth);
			const open = await page.evaluate(() => {
				for (const d of document.querySelectorAll("details")) d.open = true;
				return document.documentElement.scrollWidth;
			});
			check(`${state.name} ${v.lang}: no sideways scroll at 320 px`, wide <= 320 && open <= 320,
				`scroll width ${wide} px, ${open} px with every fold open; past the edge: ${await overflowing(page)}`);
		}
	}
}

/* The pictures: [file, state, width, scheme], viewport-sized (readme, and
 * in the checks' SHOTS) or whole pages (compare). */
const pictures = mode === "compare"
	? ["today", "checkin", "moment", "exercise-running", "week", "circle"].flatMap((s) =>
		[PHONE, DESK].map((size) => [`${s}-${size.width}`, s, size, "light"]))
	: [["phone-today-light", "today", PHONE, "light"], ["phone-checkin-light", "checkin", PHONE, "light"],
		["phone-today-dark", "today", PHONE, "dark"], ["phone-checkin-dark", "checkin", PHONE, "dark"],
		["desktop-week-light", "week", DESK, "light"], ["desktop-today-dark", "today", DESK, "dark"]];
async function picture(page, origin, [file, name, size, scheme]) {
	const state = states.find((s) => s.name === name);
	await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
	await page.setViewportSize(size);
	await page.goto(origin + state.path);
	if (state.wait) await page.waitForTimeout(state.wait);
	const path = `${shots}/${mode === "check" ? "look-" : ""}${file}.${mode === "readme" ? "jpg" : "png"}`;
	await page.screenshot({ path, fullPage: mode === "compare", ...(mode === "readme" ? { type: "jpeg", quality: 82 } : {}) });
	if (mode !== "check") console.log(`wrote ${path}`);
}

/* What axe found, once more: by rule, then page, with the variants and
 * the elements. */
function byRule(title, list) {
	if (!list.length) return;
	console.log(title);
	const rules = new Map();
	for (const f of list) {
		if (!rules.has(f.id)) rules.set(f.id, { f, pages: new Map() });
		const pages = rules.get(f.id).pages;
		if (!pages.has(f.state)) pages.set(f.state, { variants: [], targets: new Set() });
		pages.get(f.state).variants.push(`${f.scheme} ${f.lang} ${f.width}`);
		for (const t of f.targets) pages.get(f.state).targets.add(t);
	}
	for (const [id, { f, pages }] of rules) {
		console.log(`${id}${f.impact ? ` (${f.impact})` : ""}: ${f.help}`);
		for (const [name, p] of pages)
			console.log(`  ${name} [${p.variants.length === variants.length * 2 ? "every variant" : p.variants.join("; ")}]: ` +
				[...p.targets].join(", "));
	}
}

const servers = {};
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
	const full = join(top, "full.db");
	seed(full);
	servers.full = await start(full);
	/* the pictures, before the checks add to the data; for the README a
	 * phone's pictures as sharp as on a phone (two pixels a CSS pixel) */
	for (const size of [PHONE, DESK]) {
		const context = await browser.newContext({ locale: "en-GB",
			deviceScaleFactor: mode === "readme" && size === PHONE ? 2 : 1 });
		const page = await context.newPage();
		await page.goto(servers.full.url);
		for (const p of pictures.filter((p) => p[2] === size)) await picture(page, servers.full.origin, p);
		await context.close();
	}
	if (mode === "check") {
		const empty = join(top, "empty.db"), locked = join(top, "locked.db");
		servers.empty = await start(empty);
		nabij(locked, NOW, ["checkin", "--mood", "3"]);
		const r = spawnSync("sh", ["-c", `printf 'a quiet morning by the sea\\n' | NABIJ_PASSPHRASE_FD=3 "$0" passphrase set 3<&0`, bin],
			{ env: env(locked), encoding: "utf8" });
		if (r.status !== 0) throw new Error("nabij passphrase set: " + r.stderr);
		servers.locked = await start(locked);

		/* one context for each language and scheme, signed in to every server */
		for (const v of variants) {
			v.context = await browser.newContext({ viewport: PHONE, locale: v.lang === "nl" ? "nl-NL" : "en-GB",
				colorScheme: v.scheme, reducedMotion: "reduce" });
			v.page = await v.context.newPage();
			v.page.setDefaultTimeout(30000 * slow);
			for (const s of Object.values(servers)) await v.page.goto(s.url);
		}
		const dbs = { full, empty, locked };
		for (const state of states) {
			if (state.before) state.before(dbs[state.on]);
			for (const v of variants) {
				v.origin = servers[state.on].origin;
				await look(v.page, state, v);
			}
		}
		for (const v of variants) await v.context.close();
		byRule("axe's findings, by rule and page:", findings);
		byRule("what axe could not decide, to look at by hand (not counted):", undecided);
		console.log(`${states.length} page states × ${variants.length * 2} variants (2 schemes × 2 languages × 375 and 1280 px) ` +
			`in ${Math.round((Date.now() - started) / 1000)} s`);
	}
} catch (e) {
	failed++;
	console.log("FAIL " + (e.stack || e.message));
} finally {
	await browser.close();
	for (const s of Object.values(servers)) await stop(s);
	rmSync(top, { recursive: true, force: true });
}
if (mode === "check") console.log(`look: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
