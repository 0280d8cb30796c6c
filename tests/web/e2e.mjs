// End-to-end test of nabij ui in a real browser (Debian's chromium, driven
// by playwright-core): open the printed address, check in, note a moment,
// add to the circle, breathe for a while, see it all on today's page and in
// the charts, switch language, and check that hostile text stays text.
// Screenshots go to SHOTS (default build/screenshots) at 1280 and 375 px.
//   node e2e.mjs NABIJ_BINARY [SHOTS]
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const bin = process.argv[2];
const shots = process.argv[3] || "build/screenshots";
const dir = mkdtempSync(join(tmpdir(), "nabij-e2e-"));
mkdirSync(shots, { recursive: true });
let passed = 0, failed = 0;
function check(name, ok, detail) {
	if (ok) passed++;
	else { failed++; console.log(`FAIL ${name}${detail ? ": " + detail : ""}`); }
}

const server = spawn(bin, ["ui", "--no-open", "--address", "--port", "0"], {
	env: { ...process.env, NABIJ_DB: join(dir, "nabij.db"), LANGUAGE: "en", LC_ALL: "C.UTF-8", TZ: "Europe/Amsterdam" },
	stdio: ["ignore", "pipe", "inherit"],
});
const url = await new Promise((resolve, reject) => {
	let out = "";
	server.stdout.on("data", (d) => {
		out += d;
		const m = out.match(/http:\/\/127\.[0-9.]+:\d+\/\?token=[0-9a-f]{32}/);
		if (m) resolve(m[0]);
	});
	// NABIJ_TEST_SLOW: how many times longer to wait (under valgrind, 20)
	setTimeout(() => reject(new Error("nabij ui printed no address: " + out)),
		5000 * Number(process.env.NABIJ_TEST_SLOW || 1));
});
const origin = new URL(url).origin;

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
	const page = await context.newPage();
	const outside = [];
	page.on("request", (r) => { if (!r.url().startsWith(origin)) outside.push(r.url()); });
	const dialogs = [];
	page.on("dialog", async (d) => { dialogs.push(d.message()); await d.dismiss(); });
	const csp = [];
	page.on("console", (m) => { if (/Content Security Policy/.test(m.text())) csp.push(m.text()); });

	await page.goto(url);
	check("opens today's page", (await page.locator("h1").textContent()).length > 5);
	check("the secret left the address", !page.url().includes("token="));
	await page.screenshot({ path: `${shots}/today-empty-1280.png`, fullPage: true });

	// A check-in in a few clicks, with hostile text in the note.
	check("the first visit says what nabij is", await page.locator("text=Welcome to nabij").count() === 1);
	await page.click("text=Begin with a check-in");
	await page.click("label:has(> input[name=mood][value='2'])");
	await page.click("label:has(> input[name=tension][value='4'])");
	await page.click("label:has(> input[name=connection][value='2'])");
	await page.click("label:has(> input[name=state][value=activated])");
	await page.click("label:has(> input[name=emotion][value=fear])");
	await page.fill("textarea[name=note]", `<script>alert(1)</script> "><img src=x onerror=alert(2)>`);
	await page.screenshot({ path: `${shots}/checkin-1280.png`, fullPage: true });
	await page.click("button[type=submit]:has-text('Save the check-in')");
	check("check-in saved", await page.locator(".saved").count() === 1);
	check("suggestion after the check-in", (await page.locator(".suggest").textContent()).includes("breath"));
	await page.goto(origin + "/r/1");
	const rows = await page.locator("dl.record").textContent();
	check("the record shows the connection", rows.includes("Connection") && rows.includes("2 of 5"), rows);
	await page.screenshot({ path: `${shots}/record-1280.png`, fullPage: true });

	// A wrong value comes back with everything kept and the field marked.
	await page.goto(origin + "/checkin");
	await page.click("label:has(> input[name=mood][value='3'])");
	await page.click("summary:has-text('Body, energy and sleep')");
	await page.fill("input[name=sleep-hours]", "seven");
	await page.fill("textarea[name=note]", "kept after the error");
	await page.click("button[type=submit]:has-text('Save the check-in')");
	check("bad form marked", await page.locator("[aria-invalid=true]").count() >= 1);
	check("input kept", (await page.inputValue("textarea[name=note]")) === "kept after the error");
	check("choice kept", await page.isChecked("input[name=mood][value='3']"));
	await page.fill("input[name=sleep-hours]", "7.5");
	await page.click("button[type=submit]:has-text('Save the check-in')");
	check("corrected form saved", await page.locator(".saved").count() === 1);

	// A moment, and the circle.
	await page.goto(origin + "/circle");
	await page.fill("input[name=name]", "Sam");
	await page.fill("input[name=reach]", "06-12345678");
	await page.click("button:has-text('Add to my circle')");
	check("circle member added", (await page.locator("ul.circle").textContent()).includes("Sam"));
	check("a member's number can be called", await page.locator("ul.circle a[href='tel:0612345678']").count() === 1);
	await page.goto(origin + "/moment");
	await page.click("label:has(> input[name=kind][value=hug])");
	await page.fill("input[name=with]", "Sam");
	await page.click("label:has(> input[name=safe][value=yes])");
	await page.click("label:has(> input[name=effect][value=breath])");
	await page.fill("input[name=seconds]", "5 minutes");
	await page.click("button:has-text('Save the moment')");
	check("moment saved", (await page.locator(".saved").textContent()).includes("hug"));
	check("a duration in words", (await page.locator(".saved").textContent()).includes("5 min"));
	await page.click(".saved a");
	await page.click("text=Change");
	check("editing shows the duration as it reads", (await page.inputValue("input[name=seconds]")) === "5 min",
		await page.inputValue("input[name=seconds]"));
	await page.click("button:has-text('Save')");
	check("a kind word after a change", (await page.locator(".saved").textContent()).includes("Changed and kept"));

	// Breathing: the pacer runs, stopping early keeps the time.
	await page.goto(origin + "/exercise/breath");
	await page.click("summary:has-text('Adjust')");	/* the rhythm, behind Adjust */
	await page.fill("input[name=minutes]", "1");
	await page.click("label:has(> input[name=before][value='4'])");
	await page.click("button:has-text('Start')");
	await page.waitForTimeout(2500);
	const status = await page.locator(".pacer-status").textContent();
	check("pacer shows a phase", /Breathe in|Hold|Breathe out/.test(status), status);
	await page.screenshot({ path: `${shots}/breathing-1280.png`, fullPage: true });
	await page.click("label:has(> input[name=after][value='2'])");
	await page.click("button:has-text('Done')");
	const saved = await page.locator(".saved").textContent();
	check("breath session saved with its seconds", /self-soothing breath · [0-9]+ s/.test(saved), saved);

	// With reduced motion the circle stands still and its words follow the
	// phases; only a new phase is spoken (the clock is not a live region).
	await page.emulateMedia({ reducedMotion: "reduce" });
	await page.goto(origin + "/exercise/breath");
	await page.click("summary:has-text('Adjust')");
	await page.fill("input[name=minutes]", "1");
	await page.click("button:has-text('Start')");
	const radius = () => page.locator("svg.pacer circle.breath").evaluate((c) => c.r.animVal.value);
	const shown = () => page.locator("svg.pacer text.phase[opacity='1']").textContent();
	const r1 = await radius(), w1 = await shown();
	await page.waitForTimeout(4600);	/* past the first in-breath of 4 s */
	const r2 = await radius(), w2 = await shown();
	check("reduced motion: the circle stands still", r1 === r2, `${r1} ${r2}`);
	check("reduced motion: its words follow the phases", w1 === "Breathe in" && w2 !== w1, `${w1} → ${w2}`);
	check("only the phase is a live region",
		(await page.locator(".pacer-phase[aria-live]").count()) === 1 &&
		(await page.locator(".pacer-clock[aria-live]").count()) === 0);
	await page.emulateMedia({ reducedMotion: "no-preference" });
	// On a phone, Escape closes the menu.
	await page.setViewportSize({ width: 375, height: 800 });
	await page.goto(origin + "/");
	await page.locator("nav.more summary").click();
	await page.keyboard.press("Escape");
	check("Escape closes the menu", !(await page.locator("nav.more details").evaluate((d) => d.open)));
	await page.locator("nav.more summary").click();
	await page.mouse.click(8, 560);	/* on the page, beside the open list */
	check("a tap beside the menu closes it", !(await page.locator("nav.more details").evaluate((d) => d.open)));
	await page.setViewportSize({ width: 1280, height: 900 });

	// Today shows it all; hostile text is text.
	await page.goto(origin + "/");
	const today = await page.locator("main").textContent();
	check("today lists the records", today.includes("check-in") && today.includes("hug") && today.includes("self-soothing breath"));
	check("last wanted touch today", today.includes("Last wanted touch: today"));
	await page.screenshot({ path: `${shots}/today-1280.png`, fullPage: true });

	// The week opens with what is worth noticing, the numbers below it.
	await page.goto(origin + "/week");
	const story = await page.locator("section.story").textContent();
	check("the week opens with its story", story.includes("Self-soothing breath: afterwards your tension was"), story);
	check("the numbers follow the story", await page.evaluate(() => {
		const s = document.querySelector("section.story"), h = [...document.querySelectorAll("h2")].find((x) => x.textContent === "The week in numbers");
		return !!h && !!(s.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
	}));
	await page.screenshot({ path: `${shots}/week-1280.png`, fullPage: true });
	await page.goto(origin + "/history?q=script");
	check("hostile note shown as text", (await page.locator("main").textContent()).includes("<script>alert(1)</script>"));
	check("no script ran", dialogs.length === 0, dialogs.join(", "));
	check("no injected image", await page.locator("main img").count() === 0);

	// Charts.
	await page.goto(origin + "/charts");
	check("chart drawn", await page.locator("figure.chart svg").count() >= 2);
	check("chart has a table", await page.locator("figure.chart table").count() >= 2);
	await page.screenshot({ path: `${shots}/charts-1280.png`, fullPage: true });

	// Insights: with a few days there is nothing to compare yet, and it says so.
	await page.click("nav.wide summary");	/* behind "More" */
	await page.click("nav.wide a:has-text('Insights')");
	check("insights page", (await page.locator("h1").textContent()) === "What goes with your days");
	check("insights wait for enough days", (await page.locator("main").textContent()).includes("Not enough days yet"));
	check("insights trend drawn", await page.locator("figure.chart path.trend").count() >= 1);
	check("insights trend has a table", (await page.locator("main").textContent()).includes("Week from"));
	await page.screenshot({ path: `${shots}/insights-1280.png`, fullPage: true });
	await page.click("text=How to read this");
	check("how to read the insights", (await page.locator("h1").textContent()) === "How to read the insights" &&
		(await page.locator("main").textContent()).includes("A pattern is not a cause"));
	await page.screenshot({ path: `${shots}/insights-how-1280.png`, fullPage: true });
	await page.click("text=Back to the insights");
	const [download] = await Promise.all([page.waitForEvent("download"), page.click("button:has-text('Download the report')")]);
	check("report downloads as a PDF", /^nabij-report-\d{4}-\d{2}-\d{2}\.pdf$/.test(download.suggestedFilename()), download.suggestedFilename());
	const pdfPath = await download.path();
	const { readFileSync } = await import("node:fs");
	check("report is a PDF", readFileSync(pdfPath).subarray(0, 5).toString() === "%PDF-");

	// The card prints with one button, at card size.
	await page.goto(origin + "/card");
	await page.evaluate(() => { window.__printed = false; window.print = () => { window.__printed = true; }; });
	await page.click("button:has-text('Print the card')");
	check("the card prints with one button", await page.evaluate(() => window.__printed));
	await page.emulateMedia({ media: "print" });
	const cardWidth = await page.locator("article.card").first().evaluate((c) => c.getBoundingClientRect().width);
	check("the card prints at postcard size", cardWidth > 380 && cardWidth < 410, `${cardWidth}px`);
	await page.emulateMedia({ media: "screen" });

	// The help for living alone, for loss and for touch that feels unsafe;
	// the three questions about closeness together.
	await page.goto(origin + "/help");
	const help = await page.locator("main").textContent();
	check("help for living alone", help.includes("If you live alone") && !help.includes("no partner"));
	check("help for a loss", help.includes("If you lost someone"));
	check("help when touch feels unsafe", help.includes("If touch feels unsafe to you"));
	await page.goto(origin + "/reflect");
	await page.click("text=Three questions about closeness, together");
	check("three questions with hints", (await page.locator("main").textContent()).includes("For example:"));
	await page.fill("textarea[name=a0]", "In my chest");
	await page.click("button:has-text('Save')");
	check("closeness reflection saved", (await page.locator(".saved").textContent()).includes("reflection"));

	// Dutch, and phone width.
	await page.click("footer button:has-text('Nederlands')");
	check("switched to Dutch", (await page.locator("nav.wide").textContent()).includes("Vandaag"));
	await page.setViewportSize({ width: 375, height: 800 });
	{	/* on a phone the daily pages are a bar at the bottom, the rest behind "Meer" */
		await page.goto(origin + "/");
		const bar = page.locator("nav.bar");
		check("phone bar shown", await bar.isVisible());
		const rows = await bar.evaluate((n) => new Set([...n.querySelectorAll("li")].map((li) => li.offsetTop)).size);
		check("phone bar in one row", rows === 1, `${rows} rows`);
		const box = await bar.boundingBox();
		check("the bar at the bottom, within a thumb's reach", Math.abs(box.y + box.height - 800) < 2, JSON.stringify(box));
		const more = page.locator("nav.more");
		await more.locator("summary").click();
		check("more opens the rest", await more.locator("a[href='/insights']").isVisible());
		await Promise.all([page.waitForEvent("load"), more.locator("a[href='/insights']").click()]);
		check("the rest is one tap further", (await page.locator("h1").textContent()).length > 3);
	}
	for (const [path, name] of [["/", "today"], ["/checkin", "checkin"], ["/charts", "charts"], ["/insights", "insights"]]) {
		await page.goto(origin + path);
		const wide = await page.evaluate(() => document.documentElement.scrollWidth);
		check(`${name} fits 375 px`, wide <= 375, `scroll width ${wide}`);
		await page.screenshot({ path: `${shots}/${name}-375-nl.png`, fullPage: true });
	}
	await page.goto(origin + "/exercise/breath?start=1&minutes=1");
	await page.waitForTimeout(1200);
	await page.screenshot({ path: `${shots}/breathing-375-nl.png`, fullPage: true });

	// Keyboard: the first Tab reaches the skip link.
	await page.goto(origin + "/");
	await page.keyboard.press("Tab");
	check("skip link first", (await page.evaluate(() => document.activeElement.className)) === "skip");

	check("no request left the machine", outside.length === 0, outside.join(", "));
	check("no CSP violation", csp.length === 0, csp.join(" | "));
	await context.close();
} catch (e) {
	failed++;
	console.log("FAIL " + e.message);
} finally {
	await browser.close();
	server.kill("SIGINT");
	rmSync(dir, { recursive: true, force: true });
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
