// Four people try nabij, by what they see on the screen (roles and visible
// labels, not addresses), as the usability test did:
//   - Anneke, 47, lives alone, only her phone (375 px, touch), in Dutch;
//   - Daan, 29, in recovery from alcohol, a laptop, in English;
//   - Sem, 24, in recovery, on his phone (375 px) at 2 a.m. with a strong
//     craving, in English: the night in recovery.
//   - Wil, 67, a widow, a large screen at 150 % zoom, in Dutch: one evening
//     she looks in Help for words about loss, and for someone to talk to.
// Each goes through the first visit, a check-in, the suggestion, a moment,
// the circle with a number to tap, the card, search, editing and deleting,
// the help numbers from every page, the passphrase in the browser, and a
// restart of nabij after which the same address gets them back in.
// Screenshots go to SHOTS/persona-*.png.
//   node personas.mjs NABIJ_BINARY [SHOTS]
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const bin = process.argv[2];
const shots = process.argv[3] || "build/screenshots";
const slow = Number(process.env.NABIJ_TEST_SLOW || 1);
mkdirSync(shots, { recursive: true });
let passed = 0, failed = 0;
function check(name, ok, detail) {
	if (ok) passed++;
	else { failed++; console.log(`FAIL ${name}${detail ? ": " + detail : ""}`); }
}

/* nabij ui on db, as the applications menu starts it; its opening address */
function start(db, lang, now) {
	const proc = spawn(bin, ["ui", "--no-open", "--address", "--port", "0"], {
		env: { ...process.env, NABIJ_DB: db, LANGUAGE: lang, LC_ALL: "C.UTF-8", TZ: "Europe/Amsterdam",
			...(now ? { NABIJ_NOW: now } : {}) },
		stdio: ["ignore", "pipe", "inherit"],
	});
	const url = new Promise((resolve, reject) => {
		let out = "";
		proc.stdout.on("data", (d) => {
			out += d;
			const m = out.match(/http:\/\/127\.[0-9.]+:\d+\/\?token=[0-9a-f]{32}/);
			if (m) resolve(m[0]);
		});
		setTimeout(() => reject(new Error("nabij ui printed no address: " + out)), 5000 * slow);
	});
	return url.then((u) => ({ proc, url: u }));
}
function stop(s) {
	return new Promise((resolve) => { s.proc.on("exit", resolve); s.proc.kill("SIGINT"); });
}

/* under valgrind (NABIJ_TEST_SLOW) every wait is that much longer */
const timeout = 30000 * slow;
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});

/* Whether l shows within a few seconds (a page may still be loading). */
async function seen(l) {
	try { await l.first().waitFor({ state: "visible", timeout: 5000 * slow }); return true; } catch { return false; }
}
/* A tap or click that goes to another page: wait for it to load. */
async function follow(page, act) {
	await Promise.all([page.waitForEvent("load", { timeout: 30000 * slow }), act()]);
}

/* What every page shares: the help numbers a tap away, in the footer. */
const listenLine = /^088\s0767\s000$/;	/* De Luisterlijn, written with no-break spaces */
async function helpNumbers(page, where) {
	const foot = page.locator("footer");
	check(`${where}: De Luisterlijn to tap`, await foot.getByRole("link", { name: listenLine }).getAttribute("href") === "tel:0880767000");
	check(`${where}: 113.nl, the chat, as a link`, await foot.getByRole("link", { name: "113.nl" }).getAttribute("href") === "https://113.nl");
	check(`${where}: 113 to tap`, await foot.getByRole("link", { name: "113", exact: true }).getAttribute("href") === "tel:113");
	check(`${where}: 0800-0113 to tap`, await foot.getByRole("link", { name: "0800-0113" }).getAttribute("href") === "tel:08000113");
	check(`${where}: 112 to tap`, await foot.getByRole("link", { name: "112", exact: true }).getAttribute("href") === "tel:112");
}

/* The phone's menu: the daily pages in the bar at the bottom, the rest
 * behind "More" at the top. */
async function phoneGo(page, name) {
	const bar = page.locator("nav.bar").getByRole("link", { name, exact: true });
	if (await bar.count()) {
		await follow(page, () => bar.tap());
		return;
	}
	const more = page.locator("nav.more");
	await more.locator("summary").tap();
	await follow(page, () => more.getByRole("link", { name, exact: true }).tap());
}

async function anneke() {
	const dir = mkdtempSync(join(tmpdir(), "nabij-anneke-"));
	const db = join(dir, "nabij.db");
	let server = await start(db, "nl");
	const context = await browser.newContext({ viewport: { width: 375, height: 760 }, isMobile: true, hasTouch: true, locale: "nl-NL" });
	const page = await context.newPage();
	page.setDefaultTimeout(timeout);
	let taps = 0;
	const tap = async (l) => { taps++; await l.tap(); };
	const tapTo = async (l) => { taps++; await follow(page, () => l.tap()); };
	const group = (name) => page.getByRole("group", { name });
	const go = (name) => phoneGo(page, name);
	try {
		await page.goto(server.url);
		check("nl: the first visit says what nabij is", await seen(page.getByRole("heading", { name: "Welkom bij nabij" })));
		await page.screenshot({ path: `${shots}/persona-nl-first-visit.png`, fullPage: true });

		// The daily check-in, by tapping only: mood, tension, connection, a
		// feeling and a need.
		await tapTo(page.getByRole("link", { name: "Begin: hoe gaat het met je?" }));
		{	/* the first tap needs no scrolling: the mood's faces are in the first screen */
			const box = await group(/Stemming/).locator("label").last().boundingBox();
			check("nl: the check-in's first question in the first screen", !!box && box.y + box.height <= 760 - 64,
			      JSON.stringify(box));
		}
		await tap(group(/Stemming/).getByText("2", { exact: true }));
		await tap(group(/Spanning/).getByText("3", { exact: true }));
		await tap(group(/Verbondenheid/).getByText("1", { exact: true }));
		await tap(group("Welke emoties zijn er?").getByText("verdriet", { exact: true }));
		await tap(group("Wat heb je vandaag nodig?").getByText("contact", { exact: true }));
		await tapTo(page.getByRole("button", { name: "Opslaan", exact: true }));
		const checkinTaps = taps;
		check("nl: a kind word after the check-in", await seen(page.getByText("Dank je dat je even stilstond bij hoe het gaat, ook op een zware dag.")));
		// contact is her need, and she is not at the lowest: someone who listens, first
		check("nl: De Luisterlijn after a check-in that asks for contact",
			await page.locator("main p.listen").getByRole("link", { name: listenLine }).getAttribute("href") === "tel:0880767000");
		check("nl: no 113 box when she is not at the lowest", !(await page.getByRole("note", { name: "Hulp" }).count()));
		await page.screenshot({ path: `${shots}/persona-nl-after-checkin.png`, fullPage: true });

		// The suggestion leads to the circle: a need for contact, and nobody in it yet.
		const suggestion = page.getByRole("region", { name: "Een voorstel" });
		check("nl: the suggestion hears the need for contact", (await suggestion.textContent()).includes("contact"));
		await follow(page, () => suggestion.getByRole("link").tap());
		check("nl: the suggestion opens the circle", (await page.locator("h1").textContent()).includes("kring"));
		await page.getByLabel("Naam van een persoon of een plek").fill("Mieke");
		await page.getByLabel("Hoe je hen bereikt, of hoe je er komt").fill("06-12345678");
		await follow(page, () => page.getByRole("button", { name: "Toevoegen aan mijn kring" }).tap());
		check("nl: Mieke's number can be tapped", await page.getByRole("link", { name: "06-12345678" }).getAttribute("href") === "tel:0612345678");

		// The card, with one button, at card size.
		await follow(page, () => page.getByRole("link", { name: "De kaart afdrukken" }).tap());
		await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed++; }; });
		await page.getByRole("button", { name: "De kaart afdrukken" }).tap();
		check("nl: the card prints with one tap", await page.evaluate(() => window.__printed) === 1);
		await page.screenshot({ path: `${shots}/persona-nl-card.png`, fullPage: true });

		// A moment, by tapping only: from today's page.
		taps = 0;	/* from the bar at the bottom, on any page */
		await tapTo(page.locator("nav.bar").getByRole("link", { name: "Moment" }));
		await tap(group("Wat voor moment was het?").getByText("knuffel", { exact: true }));
		await tap(group("Hoe lang ongeveer?").getByText("Een paar minuten", { exact: true }));
		await tap(group("Voelde het veilig en gewenst?").getByText("ja", { exact: true }));
		await tapTo(page.getByRole("button", { name: "Moment opslaan" }));
		const saved = await page.locator(".saved").textContent();
		check("nl: a kind word after the moment", saved.includes("Bewaard. Zo'n moment telt"), saved);
		check("nl: the moment's length in minutes", saved.includes("3 min"), saved);
		check(`nl: check-in and moment in at most 12 taps (${checkinTaps} + ${taps})`, checkinTaps + taps <= 12);

		// A moment whose length she writes as she says it.
		await go("Moment");
		await group("Wat voor moment was het?").getByText("zelfaanraking", { exact: true }).tap();
		await page.getByLabel("Of in je eigen woorden").fill("een paar minuten");
		await follow(page, () => page.getByRole("button", { name: "Moment opslaan" }).tap());
		check("nl: \"een paar minuten\" is understood", (await page.locator(".saved").textContent()).includes("3 min"));

		// Search by a word she chose from the buttons, in Dutch.
		await go("Geschiedenis");
		await page.getByLabel("Zoek in je notities, of naar een thema zoals slaap of schaamte").fill("verdriet");
		await follow(page, () => page.getByRole("button", { name: "Tonen" }).tap());
		const found = page.locator("main").getByRole("link", { name: /check-in/ }).first();
		check("nl: \"verdriet\" finds the check-in", await seen(found));
		check("nl: the snippet shows the words she saw", (await page.locator("main").textContent()).includes("verdriet"));

		// Change the check-in, then delete it: a word back each time.
		await follow(page, () => found.tap());
		await follow(page, () => page.getByRole("link", { name: "Wijzigen" }).tap());
		await group(/Stemming/).getByText("3", { exact: true }).tap();
		await follow(page, () => page.getByRole("button", { name: "Opslaan", exact: true }).tap());
		check("nl: a kind word after a change", await seen(page.getByText(/Gewijzigd en bewaard/)));
		await page.getByText("Verwijderen", { exact: true }).tap();
		check("nl: how long undo works, before deleting", await seen(page.getByText(/10 minuten lang brengt Ongedaan maken/)));
		await follow(page, () => page.getByRole("button", { name: "Deze notitie verwijderen" }).tap());
		check("nl: a kind word after deleting", await seen(page.getByText(/Verwijderd\. Wat je hier bewaart/)));
		check("nl: the check-in is out of the history", !(await page.locator("ul.records").textContent()).includes("check-in"));
		// A stray tap: Undo, one tap, on the next page.
		await follow(page, () => page.getByRole("button", { name: "Ongedaan maken" }).tap());
		check("nl: the check-in is back", await seen(page.getByText(/Het is terug, heel/)));
		await go("Geschiedenis");
		check("nl: back in the history", (await page.locator("ul.records").textContent()).includes("check-in"));

		// The help numbers on every page of the menu.
		for (const name of ["Vandaag", "Inchecken", "Moment", "Ademen", "Hulp", "Oefeningen", "Kring", "Triggerdagboek",
			"Week", "Grafieken", "Inzichten", "Geschiedenis"]) {
			await go(name);
			await helpNumbers(page, `nl: ${name}`);
		}

		// A passphrase, set in the browser.
		await follow(page, () => page.locator("footer").getByRole("link", { name: "Je gegevens" }).tap());
		await follow(page, () => page.getByRole("link", { name: "Je notities beschermen" }).tap());
		await page.getByLabel("Nieuwe wachtzin", { exact: true }).fill("zon op het water");
		await page.getByLabel("Dezelfde wachtzin nog een keer").fill("zon op het water");
		await follow(page, () => page.getByRole("button", { name: "Mijn notities versleutelen" }).tap());
		check("nl: encrypted in the browser", await seen(page.getByText(/Je notities zijn nu versleuteld/)));

		// nabij restarts (the computer did): the same address gets her back in.
		const before = new URL(page.url()).origin;
		await stop(server);
		server = await start(db, "nl");
		check("nl: the same address after a restart", new URL(server.url).origin === before, server.url);
		await page.reload();
		check("nl: the unlock page, not a dead end", await seen(page.getByRole("heading", { name: "nabij ontgrendelen" })));
		await helpNumbers(page, "nl: unlock page");
		await page.screenshot({ path: `${shots}/persona-nl-unlock.png`, fullPage: true });
		await page.getByLabel("Wachtzin", { exact: true }).fill("zon op het water");
		await follow(page, () => page.getByRole("button", { name: "Ontgrendelen" }).tap());
		check("nl: back in after the restart", (await page.locator("main").textContent()).includes("Vandaag genoteerd"));

		// The passphrase changed in the browser.
		await follow(page, () => page.locator("footer").getByRole("link", { name: "Je gegevens" }).tap());
		await follow(page, () => page.getByRole("link", { name: "De wachtzin veranderen of weghalen" }).tap());
		const change = page.locator("form.protect");
		await change.getByLabel("De wachtzin die je nu gebruikt").fill("zon op het water");
		await change.getByLabel("Nieuwe wachtzin", { exact: true }).fill("maan boven de zee");
		await change.getByLabel("Dezelfde nieuwe wachtzin nog een keer").fill("maan boven de zee");
		await follow(page, () => change.getByRole("button", { name: "De wachtzin veranderen" }).tap());
		check("nl: the passphrase changed in the browser", await seen(page.getByText("Je wachtzin is veranderd. Vanaf nu opent nabij met de nieuwe.")));
		await page.screenshot({ path: `${shots}/persona-nl-passphrase.png`, fullPage: true });
	} finally {
		await context.close();
		await stop(server);
		rmSync(dir, { recursive: true, force: true });
	}
}

async function daan() {
	const dir = mkdtempSync(join(tmpdir(), "nabij-daan-"));
	const db = join(dir, "nabij.db");
	let server = await start(db, "en");
	const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: "en-GB" });
	const page = await context.newPage();
	page.setDefaultTimeout(timeout);
	const group = (name) => page.getByRole("group", { name });
	/* the wide menu: the daily pages in a row, the rest behind "More" */
	const go = async (name) => {
		const link = page.locator("nav.wide").getByRole("link", { name, exact: true });
		if (!(await link.isVisible()))
			await page.locator("nav.wide summary").click();
		await follow(page, () => link.click());
	};
	const clickTo = (l) => follow(page, () => l.click());
	try {
		await page.goto(server.url);
		check("en: the first visit says what nabij is", await seen(page.getByRole("heading", { name: "Welcome to nabij" })));

		// A very low check-in with a strong craving: the help, and a way through it.
		await clickTo(page.getByRole("link", { name: "Begin with a check-in" }));
		await group(/Mood/).getByText("1", { exact: true }).click();
		await group(/Tension/).getByText("5", { exact: true }).click();
		check("en: no craving scale before a craving is ticked", !(await group(/Craving or urge/).isVisible()));
		await group("Which emotions are here?").getByText("craving", { exact: true }).click();
		check("en: the craving ticked asks how strong", await seen(group(/Craving or urge/)));
		await group(/Craving or urge/).getByText("5", { exact: true }).click();
		await clickTo(page.getByRole("button", { name: "Save the check-in" }));
		const care = page.getByRole("note", { name: "Help" });
		check("en: the help after the lowest check-in", await seen(care));
		check("en: 113 to tap in the help", await care.getByRole("link", { name: "113", exact: true }).getAttribute("href") === "tel:113");
		{	/* at the lowest, 113 comes first; De Luisterlijn after it */
			const hrefs = await care.getByRole("link").evaluateAll((l) => l.map((a) => a.getAttribute("href")));
			check("en: at the lowest, 113 before De Luisterlijn",
				hrefs.indexOf("tel:113") >= 0 && hrefs.indexOf("tel:113") < hrefs.indexOf("tel:0880767000"), hrefs.join(" "));
		}
		const urge = page.getByRole("region", { name: "A strong urge" });
		check("en: a strong urge is met", await seen(urge));
		check("en: a tip to mark the first to call", (await urge.textContent()).includes("first to call"));
		await page.screenshot({ path: `${shots}/persona-en-craving.png`, fullPage: true });

		// His sponsor, marked as the first to call.
		await go("Circle");
		await page.getByLabel("Name of a person or a place").fill("Jan");
		await page.getByLabel("How to reach them, or how to get there").fill("+31 6 1111 2222");
		await page.getByLabel("What they help with").fill("my sponsor, any hour");
		await page.getByText("The first one to call when it is hard").click();
		await clickTo(page.getByRole("button", { name: "Add to my circle" }));
		check("en: Jan is the first to call", (await page.locator("ul.circle").textContent()).includes("Jan · the first to call"));

		// The next strong craving: Jan is one click (or tap) away.
		await go("Check-in");
		await group(/Mood/).getByText("2", { exact: true }).click();
		// a craving noted before: its scale sits with the first scales
		check("en: the craving scale with the first scales", await group(/Craving or urge/).isVisible());
		await group(/Craving or urge/).getByText("4", { exact: true }).click();
		await clickTo(page.getByRole("button", { name: "Save the check-in" }));
		const call = page.getByRole("region", { name: "A strong urge" }).getByRole("link", { name: "Call Jan" });
		check("en: one tap to call Jan", await call.getAttribute("href") === "tel:+31611112222");

		// The suggestion: riding the urge, on the clock.
		const suggestion = page.getByRole("region", { name: "A suggestion" });
		check("en: riding the urge suggested", (await suggestion.textContent()).includes("Riding an urge"));
		await clickTo(suggestion.getByRole("link", { name: "Start" }));
		check("en: the urge exercise", (await page.locator("h1").textContent()).includes("Riding an urge"));
		await page.getByText("Adjust", { exact: true }).click();
		await page.getByLabel("Minutes").fill("1");
		await group(/How strong is the urge right now/).getByText("4", { exact: true }).click();
		await page.getByRole("button", { name: "Start" }).click();
		await page.waitForTimeout(1500);
		await group(/And now, how strong is the urge/).getByText("3", { exact: true }).click();
		await clickTo(page.getByRole("button", { name: "Done" }));
		check("en: a kind word after the exercise", await seen(page.getByText("Well done for giving yourself this time.")));
		check("en: the urge kept before and after", (await page.locator(".saved").textContent()).includes("urge 4 → 3"));
		{
			const next = await page.getByRole("region", { name: "A suggestion" }).textContent();
			check("en: not the same exercise twice", !next.includes("The urge is strong right now"), next);
		}

		// A moment, with its length in his own words.
		await go("Moment");
		await group("What kind of moment was it?").getByText("real conversation", { exact: true }).click();
		await page.getByLabel("With whom?").fill("Jan");
		await page.getByLabel("Or in your own words").fill("about 20 minutes");
		await clickTo(page.getByRole("button", { name: "Save the moment" }));
		check("en: \"about 20 minutes\" understood", (await page.locator(".saved").textContent()).includes("20 min"));

		// Search by a word for what he chose, and by another word for it.
		for (const word of ["craving", "urge"]) {
			await go("History");
			await page.getByLabel("Search your notes, or a theme like sleep or shame").fill(word);
			await clickTo(page.getByRole("button", { name: "Show" }));
			check(`en: "${word}" finds the check-in`, await seen(page.locator("main").getByRole("link", { name: /check-in/ }).first()));
		}

		// Jan removed from the circle by a stray click: gone at once, and
		// back whole with Undo on the next page (the same record, the moment
		// with him still linked to him), without a script's confirm().
		const exported = async () => JSON.parse(await (await page.request.get(new URL("/export.json", page.url()).href)).text()).records;
		const janBefore = await exported();
		const jan = janBefore.find((r) => r.type === "member" && r.name === "Jan");
		const talk = () => janBefore.find((r) => r.type === "moment" && r.kind === "talk");
		check("en: the moment is linked to Jan", jan && talk() && talk().member === jan.uid);
		await go("Circle");
		let dialogs = 0;
		page.on("dialog", (d) => { dialogs++; d.dismiss(); });
		await clickTo(page.getByRole("button", { name: "Remove Jan" }));
		check("en: Jan is out of the circle at once", !(await page.locator("main").textContent()).includes("Jan · the first to call"));
		check("en: Undo is offered", await seen(page.getByText(/Removed from your circle:/)));
		check("en: how long Undo works", await seen(page.getByText(/For 10 minutes Undo brings it back whole/)));
		{
			const waiting = await exported();
			check("en: Jan is not exported while he waits", !waiting.some((r) => r.uid === jan.uid));
			const m = waiting.find((r) => r.type === "moment" && r.kind === "talk");
			check("en: the moment stays, naming no one who is gone", m && !m.member);
		}
		await page.screenshot({ path: `${shots}/persona-en-undo.png`, fullPage: true });
		await clickTo(page.getByRole("button", { name: "Undo" }));
		check("en: Jan is back, the first to call", (await page.locator("ul.circle").textContent()).includes("Jan · the first to call"));
		check("en: Undo is no longer offered", !(await page.locator("main").textContent()).includes("Removed from your circle"));
		{
			const after = await exported();
			const back = after.find((r) => r.uid === jan.uid);
			const m = after.find((r) => r.type === "moment" && r.kind === "talk");
			check("en: Jan back whole (same uid, reach, help)", back && back.name === "Jan" && back.reach === jan.reach &&
			      back.helps === jan.helps && back.first === true);
			check("en: the moment links to Jan again", m && m.member === jan.uid);
		}
		check("en: no confirm() dialog", dialogs === 0);

		// The craving drawn beside the other scales.
		await go("Charts");
		check("en: a craving chart", await seen(page.getByText("Craving or urge", { exact: true }).first()));

		// Edit and delete the moment, with a word back.
		await go("Today");
		await clickTo(page.locator("ul.records").getByRole("link", { name: /real conversation/ }));
		await clickTo(page.getByRole("link", { name: "Change" }));
		await group("How long, roughly?").getByText("Longer", { exact: true }).click();
		await page.getByLabel("Or in your own words").fill("");
		await clickTo(page.getByRole("button", { name: "Save" }));
		check("en: a kind word after a change", await seen(page.getByText(/Changed and kept/)));
		await page.getByText("Delete", { exact: true }).click();
		await clickTo(page.getByRole("button", { name: "Delete this record" }));
		check("en: a kind word after deleting", await seen(page.getByText(/Deleted\. What you keep here/)));

		// The help numbers on every page of the menu.
		for (const name of ["Today", "Check-in", "Moment", "Exercises", "Circle", "Trigger diary", "Week",
			"Charts", "Insights", "History", "Help"]) {
			await go(name);
			await helpNumbers(page, `en: ${name}`);
		}

		// nabij restarts: his bookmark still opens it, signed in.
		const before = page.url();
		await stop(server);
		server = await start(db, "en");
		await page.goto(before);
		check("en: the bookmark works after a restart", (await page.locator("h1").textContent()).length > 0 &&
			!(await page.locator("main").textContent()).includes("Open nabij again to go on"));

		// A passphrase set, changed and removed, all in the browser.
		await clickTo(page.locator("footer").getByRole("link", { name: "Your data" }));
		await clickTo(page.getByRole("link", { name: "Protect your notes" }));
		await page.getByLabel("New passphrase", { exact: true }).fill("one day at a time");
		await page.getByLabel("The same passphrase once more").fill("one day at a typo");
		await clickTo(page.getByRole("button", { name: "Encrypt my notes" }));
		check("en: a typo in the passphrase: said why the fields are empty",
			await seen(page.getByText(/never puts a passphrase back into a page/)));
		await page.getByLabel("New passphrase", { exact: true }).fill("one day at a time");
		await page.getByLabel("The same passphrase once more").fill("one day at a time");
		await clickTo(page.getByRole("button", { name: "Encrypt my notes" }));
		const change = page.locator("form.protect");
		await change.getByLabel("The passphrase you use now").fill("one day at a time");
		await change.getByLabel("New passphrase", { exact: true }).fill("keep coming back");
		await change.getByLabel("The same new passphrase once more").fill("keep coming back");
		await clickTo(change.getByRole("button", { name: "Change the passphrase" }));
		check("en: the passphrase changed", await seen(page.getByText(/Your passphrase is changed/)));
		await page.getByText("Remove the passphrase", { exact: true }).first().click();
		const remove = page.locator("form.unprotect");
		await remove.getByLabel("The passphrase you use now").fill("keep coming back");
		await remove.getByText("Yes, store my notes without a passphrase").click();
		await clickTo(remove.getByRole("button", { name: "Remove the passphrase" }));
		check("en: the passphrase removed", await seen(page.getByText(/The passphrase is removed/)));
		await page.screenshot({ path: `${shots}/persona-en-passphrase.png`, fullPage: true });
	} finally {
		await context.close();
		await stop(server);
		rmSync(dir, { recursive: true, force: true });
	}
}

/* Sem, 24, in recovery, on his phone at 2 a.m. with a strong craving. */
async function sem() {
	const dir = mkdtempSync(join(tmpdir(), "nabij-sem-"));
	const db = join(dir, "nabij.db");
	let server = await start(db, "en");
	const height = 760;
	const context = await browser.newContext({ viewport: { width: 375, height }, isMobile: true, hasTouch: true, locale: "en-GB" });
	const page = await context.newPage();
	page.setDefaultTimeout(timeout);
	const group = (name) => page.getByRole("group", { name });
	const tapTo = (l) => follow(page, () => l.tap());
	const go = (name) => phoneGo(page, name);
	/* whether l lies whole in the first screen, without scrolling */
	const inFirstScreen = async (l) => {
		const box = await l.first().boundingBox();
		return !!box && box.y >= 0 && box.y + box.height <= height;
	};
	try {
		await page.goto(server.url);
		// His sponsor, the first to call.
		await go("Circle");
		await page.getByLabel("Name of a person or a place").fill("Jan");
		await page.getByLabel("How to reach them, or how to get there").fill("+31 6 1111 2222");
		await page.getByLabel("What they help with").fill("my sponsor, any hour");
		await page.getByText("The first one to call when it is hard").tap();
		await tapTo(page.getByRole("button", { name: "Add to my circle" }));

		// 2 a.m.: he ticks the feeling "craving" and saves, nothing else.
		await go("Check in");
		await group("Which emotions are here?").getByText("craving", { exact: true }).tap();
		check("night: the craving ticked asks how strong", await seen(group(/Craving or urge/)));
		await tapTo(page.getByRole("button", { name: "Save the check-in" }));
		const urge = page.getByRole("region", { name: "A strong urge" });
		check("night: the craving chip leads to the urge box", await seen(urge));
		check("night: Jan one tap away", await urge.getByRole("link", { name: "Call Jan" }).getAttribute("href") === "tel:+31611112222");
		{
			const why = await page.getByRole("region", { name: "A suggestion" }).textContent();
			check("night: never \"you seem steady\" for a craving", !why.includes("steady"), why);
			check("night: riding the urge suggested", why.includes("Riding an urge"), why);
		}
		await page.screenshot({ path: `${shots}/persona-night-after-checkin.png` });

		// A cold start: nabij restarted, Today opened again.
		await stop(server);
		server = await start(db, "en");
		await page.goto(server.url);
		const call = page.getByRole("region", { name: "A strong urge" }).getByRole("link", { name: "Call Jan" });
		check("night: after a restart the urge box is still there", await seen(call));
		check("night: \"Call Jan\" in the first screen at 375 px", await inFirstScreen(call));
		check("night: riding the urge in the first screen",
			await inFirstScreen(page.getByRole("link", { name: /Ride the urge/ })));
		check("night: the help lines beside it", await seen(page.getByRole("note", { name: "Help" })));
		await page.screenshot({ path: `${shots}/persona-night-cold-start.png` });

		// Riding the urge starts in one tap from Today, the pacer in view.
		await tapTo(page.getByRole("link", { name: /Ride the urge/ }));
		check("night: the pacer in view after one tap", await inFirstScreen(page.locator("svg.pacer")));
		await page.screenshot({ path: `${shots}/persona-night-pacer.png` });
		await page.waitForTimeout(1500);
		await group(/How strong was the urge when you began/).getByText("5", { exact: true }).tap();
		await group(/And now, how strong is the urge/).getByText("3", { exact: true }).tap();
		await tapTo(page.getByRole("button", { name: "Done" }));
		check("night: the urge's strength kept before and after", (await page.locator(".saved").textContent()).includes("urge 5 → 3"));
		await tapTo(page.locator(".saved").getByRole("link"));
		{
			const rows = await page.locator("dl.record").textContent();
			check("night: the record shows the urge before and after", rows.includes("Urge before") && rows.includes("Urge after"), rows);
		}

		// The exercise page itself: Start at the top, the rhythm behind "Adjust".
		await page.goto(new URL("/exercise/urge", server.url).href);
		check("night: Start in the first screen", await inFirstScreen(page.getByRole("button", { name: "Start" })));
		check("night: the rhythm behind Adjust", !(await page.getByLabel("Minutes").isVisible()));
		await page.screenshot({ path: `${shots}/persona-night-exercise.png` });

		// The next check-in: the craving scale with the first scales.
		await go("Check in");
		{
			const scale = await group(/Craving or urge/).boundingBox(), feelings = await group("Which emotions are here?").boundingBox();
			check("night: the craving scale with the first scales", await group(/Craving or urge/).isVisible() &&
				!!scale && !!feelings && scale.y < feelings.y);
		}
		await page.screenshot({ path: `${shots}/persona-night-checkin.png`, fullPage: true });
		await group(/Craving or urge/).getByText("2", { exact: true }).tap();
		await tapTo(page.getByRole("button", { name: "Save the check-in" }));
		check("night: a later check-in says it has eased: the box goes",
			!(await page.getByRole("region", { name: "A strong urge" }).isVisible()));

		// The help page knows about urges.
		await go("Help");
		const part = page.getByRole("region", { name: "When an urge comes" });
		check("night: /help has a part for urges", await seen(part));
		const text = await part.textContent();
		check("night: the part names the first to call, addiction care, the GP and a line at night",
			text.includes("first to call") && text.includes("Addiction care") && text.includes("GP") &&
			text.includes("At night"), text);
		check("night: the night line to tap", await part.getByRole("link", { name: "113", exact: true }).getAttribute("href") === "tel:113");
		await page.screenshot({ path: `${shots}/persona-night-help.png`, fullPage: true });
	} finally {
		await context.close();
		await stop(server);
		rmSync(dir, { recursive: true, force: true });
	}
}

async function wil() {
	const dir = mkdtempSync(join(tmpdir(), "nabij-wil-"));
	const db = join(dir, "nabij.db");
	/* a Sunday evening, 22 November 2026 */
	let server = await start(db, "nl", "2026-11-22T20:30:00+01:00");
	/* a 1920 px screen at 150 %: 1280 CSS pixels, each 1.5 device pixels */
	const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1.5, locale: "nl-NL" });
	const page = await context.newPage();
	page.setDefaultTimeout(timeout);
	try {
		await page.goto(server.url);
		// In the evening she opens Help, in Dutch, and finds words for loss.
		await follow(page, () => page.locator("nav.wide").getByRole("link", { name: "Hulp", exact: true }).click());
		const loss = page.getByRole("region", { name: "Als je iemand verloren hebt" });
		check("wil: Help has a part on loss", await seen(loss));
		const words = await loss.textContent();
		check("wil: the touch that was there for years", words.includes("een aanraking die er jaren was"), words);
		check("wil: closeness that need not come from a partner", words.includes("hoeft niet van een partner te komen"), words);
		check("wil: the first holidays", words.includes("De eerste feestdagen"), words);
		check("wil: when grief needs the GP", words.includes("huisarts"), words);
		check("wil: living alone without \"no partner\"",
			!(await page.locator("main").textContent()).includes("geen partner hebt"));
		// Someone to talk to: on this page De Luisterlijn comes first, as a button.
		const care = page.getByRole("note", { name: "Hulp" });
		const hrefs = await care.getByRole("link").evaluateAll((l) => l.map((a) => a.getAttribute("href")));
		check("wil: De Luisterlijn first in the help", hrefs[0] === "tel:0880767000", hrefs.join(" "));
		const button = care.getByRole("link", { name: listenLine });
		const box = await button.boundingBox();
		check("wil: the number is a button to tap, not a small link", box && box.height >= 44, JSON.stringify(box));
		// And at the foot of the page, a number to tap.
		await helpNumbers(page, "wil: Help");
		await page.screenshot({ path: `${shots}/persona-wil-help-loss.png`, fullPage: true });

		// That Sunday evening she says how it goes: low, lonely.
		const group = (name) => page.getByRole("group", { name });
		await follow(page, () => page.locator("nav.wide").getByRole("link", { name: "Hoe gaat het", exact: true }).click());
		await group(/Stemming/).getByText("2", { exact: true }).click();
		await group("Welke emoties zijn er?").getByText("eenzaamheid", { exact: true }).click();
		await follow(page, () => page.getByRole("button", { name: "Opslaan" }).click());

		// Monday morning: nabij opens again on a new day.
		await stop(server);
		server = await start(db, "nl", "2026-11-23T09:00:00+01:00");
		await page.goto(server.url);
		const yesterday = await page.locator("p.yesterday").textContent().catch(() => "");
		check("wil: the morning after, today names yesterday kindly", yesterday.includes("Gisteren was een zware dag"), yesterday);
		check("wil: and counts nothing that is missing", !/\d/.test(yesterday), yesterday);
		await follow(page, () => page.locator("nav.wide").getByRole("link", { name: "Week", exact: true }).click());
		const week = await page.locator("main").textContent();
		check("wil: on a Monday the week shows her Sunday", week.includes("22 november") && week.includes("Deze week is er nog niets genoteerd"), week.slice(0, 300));
		check("wil: and not an empty week", !week.includes("Deze week is er niets genoteerd"), week.slice(0, 300));
		await page.screenshot({ path: `${shots}/persona-wil-monday-week.png`, fullPage: true });
	} finally {
		await context.close();
		await stop(server);
		rmSync(dir, { recursive: true, force: true });
	}
}

try {
	await anneke();
	await daan();
	await sem();
	await wil();
} catch (e) {
	failed++;
	console.log("FAIL " + (e.stack || e));
} finally {
	await browser.close();
}
console.log(`personas: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
