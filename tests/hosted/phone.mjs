// nabij serve in a phone's browser (run by phone.sh, which starts nabij-serve
// over https beside a PostgreSQL of the test's own and makes the
// invitations): Anna signs up from her link on a phone, typing with taps,
// checks in with a note holding a word nobody else wrote, and sees it on
// today's page; the check-in is a row of hers in PostgreSQL. Bram, signed in
// at the same time in a browser of his own, never sees her word: not on
// today, in his history, his search for it, or his export. Then Anna signs
// out from the menu. Prints "phone: N passed, N failed".
// With NABIJ_SHOTS, also pictures of the account pages, of today and of the
// menu at 375 and 1280 px, in English and Dutch, light and dark.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const { chromium } = createRequire(join(here, "..", "web", "package.json"))("playwright-core");
const base = process.env.NABIJ_BASE;
const invite = { anna: process.env.NABIJ_INVITE_A, bram: process.env.NABIJ_INVITE_B };
const shots = process.env.NABIJ_SHOTS || "";
const slow = Number(process.env.NABIJ_TEST_SLOW || 1);
const started = Date.now();

let passed = 0, failed = 0;
function check(name, ok, detail) {
	if (ok) passed++;
	else { failed++; console.log(`FAIL ${name}${detail ? ": " + detail : ""}`); }
}

/* a question to the database as its owner: the rows of one person, as
 * the policies give them (they bind the owner too) */
function sql(person, query) {
	const args = ["-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", process.env.NABIJ_PG_OWNER];
	if (person)
		args.push("-c", `SELECT set_config('nabij.person', '${Number(person)}', false)`);
	args.push("-c", query);
	const r = spawnSync(process.env.NABIJ_PSQL, args, { encoding: "utf8" });
	if (r.status !== 0)
		throw new Error(`psql: ${r.stderr}`);
	return r.stdout.trim().split("\n").pop();
}

/* letters only, so that the search's stemming leaves it whole */
const word = "lantern" + Array.from({ length: 8 }, () => "bcdfghjklmnpqrstvwxz"[Math.floor(Math.random() * 20)]).join("");
const password = { anna: "a walk by the river at dusk", bram: "bread from the bakery on the corner" };

const phone = (extra) => ({
	viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2,
	ignoreHTTPSErrors: true, locale: "en-GB", timezoneId: "Europe/Amsterdam", ...extra,
});
const desktop = (extra) => ({
	viewport: { width: 1280, height: 900 }, ignoreHTTPSErrors: true, locale: "en-GB",
	timezoneId: "Europe/Amsterdam", ...extra,
});

/* a field tapped, then typed into as a phone's keyboard does */
async function tapType(page, selector, text) {
	await page.locator(selector).tap();
	await page.keyboard.type(text);
}

async function signUp(page, who) {
	await page.goto(invite[who]);
	check(`${who}: the sign-up page`, (await page.locator("h1").textContent()).includes("Make your account"));
	await tapType(page, "#f-name", who);
	if (who === "anna") {	/* a password too short first: said, and beside the field */
		await tapType(page, "#f-password", "river");
		await Promise.all([page.waitForNavigation(), page.locator("form.account button[type=submit]").tap()]);
		check("a short password: said", (await page.locator("[role=alert]").textContent()).includes("10 characters"));
		check("her name kept", (await page.inputValue("#f-name")) === who);
		check("the password field marked", (await page.getAttribute("#f-password", "aria-invalid")) === "true");
		const described = (await page.getAttribute("#f-password", "aria-describedby")) || "";
		check("the field described by the error and its hint",
			described.split(" ").includes("form-error") && described.split(" ").includes("h-password"), described);
	}
	await tapType(page, "#f-password", password[who]);
	await Promise.all([page.waitForURL(base + "/"), page.locator("form.account button[type=submit]").tap()]);
	check(`${who}: today's page after signing up`, await page.locator("nav.bar").isVisible());
}

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
	const annaCtx = await browser.newContext(phone());
	const bramCtx = await browser.newContext(phone());
	const anna = await annaCtx.newPage();
	const bram = await bramCtx.newPage();
	const outside = [];
	for (const page of [anna, bram])
		page.on("request", (r) => { if (!r.url().startsWith(base) && !r.url().startsWith("data:")) outside.push(r.url()); });

	await signUp(anna, "anna");
	await signUp(bram, "bram");
	// Bram opens his spent link again: a way to sign in, at a tap
	await bram.goto(invite.bram);
	check("a spent invitation: said", (await bram.locator("h1").textContent()).includes("cannot be used"));
	await Promise.all([bram.waitForURL(base + "/"), bram.locator("main a[href='/signin']").tap()]);
	check("and signed in still, to today", await bram.locator("nav.bar").isVisible());
	const cookies = await annaCtx.cookies();
	check("the session cookie is __Host- and Secure", cookies.some((c) => c.name === "__Host-nabij_session" && c.secure && c.httpOnly));
	const id = { anna: sql(null, "SELECT person FROM account WHERE name = 'anna'"),
		bram: sql(null, "SELECT person FROM account WHERE name = 'bram'") };
	check("two accounts", /^\d+$/.test(id.anna) && /^\d+$/.test(id.bram) && id.anna !== id.bram, JSON.stringify(id));
	check("the zone is the browser's", sql(null, "SELECT zone FROM account WHERE name = 'anna'") === "Europe/Amsterdam");

	// Anna checks in from the bar at the bottom, with taps.
	await Promise.all([anna.waitForURL(base + "/checkin"), anna.locator("nav.bar a[href='/checkin']").tap()]);
	await anna.locator("label:has(> input[name=mood][value='4'])").tap();
	await anna.locator("label:has(> input[name=tension][value='2'])").tap();
	await anna.locator("label:has(> input[name=connection][value='3'])").tap();
	await anna.locator("label:has(> input[name=state][value=calm])").tap();
	await anna.locator("label:has(> input[name=emotion][value=joy])").tap();
	check("a tapped choice is chosen", await anna.isChecked("input[name=mood][value='4']"));
	await tapType(anna, "textarea[name=note]", `A slow walk, the ${word} by the canal.`);
	await Promise.all([anna.waitForURL(/\/\?saved=/), anna.locator("button[type=submit]:has-text('Save the check-in')").tap()]);
	check("the check-in is saved", await anna.locator(".saved").count() === 1);
	await Promise.all([anna.waitForURL(base + "/"), anna.locator("nav.bar a[href='/']").tap()]);
	check("today shows her check-in", (await anna.locator("main").textContent()).includes(word));
	check("no sideways scroll on today", await anna.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));

	// in PostgreSQL: a row of hers, with her note; none of his
	check("a check-in row of Anna's", sql(id.anna, `SELECT count(*) FROM checkin WHERE person = ${Number(id.anna)} AND note LIKE '%${word}%'`) === "1");
	check("the row names her as its person", sql(id.anna, `SELECT count(*) FROM checkin WHERE note LIKE '%${word}%' AND person <> ${Number(id.anna)}`) === "0");
	check("Bram's rows hold no such note", sql(id.bram, `SELECT count(*) FROM checkin WHERE note LIKE '%${word}%'`) === "0");

	// Anna finds her word; Bram, at the same time, never sees it.
	await anna.goto(`${base}/history?q=${word}`);
	check("Anna's search finds her word", (await anna.locator("main").textContent()).includes(word));
	const mine = await annaCtx.request.get(`${base}/export.json`);
	check("Anna's export holds it", (await mine.text()).includes(word));
	for (const path of ["/", "/history", `/history?q=${word}`, "/charts", "/week"]) {
		const r = await bram.goto(base + path);
		check(`Bram's ${path}: a page`, r.status() === 200, String(r.status()));
		// his own search box holds the word he typed; nothing else may
		if (path.includes("?q=")) {
			check("Bram's search finds nothing", await bram.locator("main .records li").count() === 0 &&
				(await bram.locator("main").textContent()).includes("Nothing found."));
			await bram.evaluate(() => document.querySelector("#q").remove());
		}
		check(`Bram's ${path}: not her word`, !(await bram.content()).includes(word));
	}
	for (const path of ["/export.json", "/export.csv"]) {
		const r = await bramCtx.request.get(base + path);
		const body = await r.text();
		check(`Bram's ${path}`, r.status() === 200 && body.length > 0, String(r.status()));
		check(`Bram's ${path}: not her word`, !body.includes(word));
	}
	const theirs = await bramCtx.request.get(`${base}/r/1`);
	check("Anna's record number is not Bram's", !(await theirs.text()).includes(word));

	// Anna signs out from the menu at the top.
	await anna.goto(base + "/");
	await anna.locator("nav.more summary").tap();
	const out = anna.locator("nav.more form.signout button");
	check("Sign out in the menu", await out.isVisible());
	const box = await out.boundingBox();
	check("Sign out large enough to tap", box && box.height >= 44, JSON.stringify(box));
	await Promise.all([anna.waitForURL(base + "/signin"), out.tap()]);
	check("signed out: the sign-in page", (await anna.locator("h1").textContent()).includes("Sign in"));
	await anna.goto(base + "/history");
	check("signed out: no history", anna.url() === base + "/signin");
	// ... and in again
	await tapType(anna, "#f-name", "anna");
	await tapType(anna, "#f-password", password.anna);
	await Promise.all([anna.waitForURL(base + "/"), anna.locator("form.account button[type=submit]").tap()]);
	check("signed in again: her word is there", (await anna.locator("main").textContent()).includes(word));
	check("nothing from elsewhere", outside.length === 0, outside.join(" "));
	await annaCtx.close();
	await bramCtx.close();

	if (shots)
		await pictures();
} catch (e) {
	check("the test ran to its end", false, e.stack || String(e));
} finally {
	await browser.close();
}
const seconds = (Date.now() - started) / 1000;
if (!shots)
	check("under a minute", seconds < 60 * slow, `${seconds.toFixed(1)} s`);
console.log(`phone: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

/* The account pages, today and the menu, as people see them: at 375 px (a
 * phone) and 1280 px, in English and Dutch, light and dark; into shots. */
async function pictures() {
	mkdirSync(shots, { recursive: true });
	let guest = 0;
	const signIn = async (page, name, pass) => {
		await page.goto(base + "/signin");
		await page.fill("#f-name", name);
		await page.fill("#f-password", pass);
		await Promise.all([page.waitForNavigation(), page.click("form.account button[type=submit]")]);
	};
	// a name with too many wrong tries, for the wait
	{
		const ctx = await browser.newContext(desktop());
		const page = await ctx.newPage();
		for (let i = 0; i < 5; i++)
			await signIn(page, "someone", "not the password at all");
		await ctx.close();
	}
	for (const lang of ["en", "nl"])
		for (const scheme of ["light", "dark"])
			for (const width of [375, 1280]) {
				const extra = { locale: lang === "nl" ? "nl-NL" : "en-GB", colorScheme: scheme };
				const ctx = await browser.newContext(width === 375 ? phone(extra) : desktop(extra));
				const page = await ctx.newPage();
				const shot = async (what) => {
					check(`${what} ${lang} ${scheme} ${width}: no sideways scroll`,
						await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
					await page.screenshot({ path: join(shots, `${what}-${lang}-${scheme}-${width}.png`), fullPage: true });
				};
				await page.goto(base + "/signin");
				await shot("signin");
				await signIn(page, `guest${++guest}`, "not the password at all");
				check(`wrong password ${lang}: said`, await page.locator("[role=alert]").count() === 1);
				await shot("signin-wrong");
				await signIn(page, "someone", "not the password at all");
				check(`wait ${lang}: said`, await page.locator("[role=alert]").count() === 1);
				await shot("signin-wait");
				await page.goto(process.env.NABIJ_INVITE_C);
				await shot("signup");
				await page.fill("#f-name", "anna");
				await page.fill("#f-password", "short");
				await Promise.all([page.waitForNavigation(), page.click("form.account button[type=submit]")]);
				await shot("signup-error");
				await page.goto(base + "/signup?invite=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
				await shot("signup-bad-invite");
				await signIn(page, "anna", password.anna);
				await shot("today");
				await page.locator(width === 375 ? "nav.more summary" : "nav.wide summary").click();
				await page.screenshot({ path: join(shots, `menu-${lang}-${scheme}-${width}.png`) });
				await ctx.close();
			}
}
