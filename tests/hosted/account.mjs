// One's own account in nabij serve, on a phone (run by phone.sh, which
// starts nabij-serve over https beside a PostgreSQL of the test's own and
// makes the invitations): Carla signs up and writes a check-in and a moment;
// turns on two-step sign-in at /account/factor with a code computed here
// from the key the page shows (RFC 6238: SHA-1, six digits, 30 s) and keeps
// her recovery codes; signs out and in with her password and a code (the
// set-up's code refused again); a second browser of hers is refused the
// code already used, gets in with a recovery code, and is listed on
// /account, where she signs it out (it lands on the sign-in page); she
// makes ten new recovery codes with her password and an old code (a wrong
// password refused first), and a third browser is refused an old code and
// gets in with a new one; she
// downloads everything (/export.json) and deletes her account behind her
// password. Then her old name and password sign in no more (with the
// ordinary message), the export imports whole into a local nabij
// (NABIJ_DB=... nabij import, nabij export: record for record) and, through
// /data in the browser, into a new hosted account (record for record again).
// Prints "account: N passed, N failed".
// With NABIJ_SHOTS, also pictures of /account/factor (set up, on, the
// codes, the new codes) and /account at 375 px.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { totp, counterNow } from "./totp.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const { chromium } = createRequire(join(here, "..", "web", "package.json"))("playwright-core");
const base = process.env.NABIJ_BASE;
const tmp = process.env.NABIJ_TMP;
const bin = process.env.NABIJ_BIN;
const shots = process.env.NABIJ_SHOTS || "";
const slow = Number(process.env.NABIJ_TEST_SLOW || 1);
const started = Date.now();

let passed = 0, failed = 0;
function check(name, ok, detail) {
	if (ok) passed++;
	else { failed++; console.log(`FAIL ${name}${detail ? ": " + detail : ""}`); }
}

/* RFC 6238's own vector (SHA-1, T = 59 s: 94287082, its last six digits) */
check("totp: RFC 6238's vector", totp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 1) === "287082");

/* The records of an export, each as one line of JSON with its keys sorted,
 * ids aside (a database's own numbers); sorted, so the order is no matter. */
function records(text) {
	const strip = (x) => Array.isArray(x) ? x.map(strip)
		: x && typeof x === "object"
			? Object.fromEntries(Object.keys(x).sort().filter((k) => !["id", "member_id", "with_id"].includes(k)).map((k) => [k, strip(x[k])]))
			: x;
	const d = JSON.parse(text);
	return d.records.map((r) => JSON.stringify(strip(r))).sort();
}
function sameRecords(name, a, b) {
	const ra = records(a), rb = records(b);
	const missing = ra.filter((r) => !rb.includes(r)), extra = rb.filter((r) => !ra.includes(r));
	check(name, ra.length > 0 && missing.length === 0 && extra.length === 0,
		`${ra.length} and ${rb.length} records; missing ${missing.slice(0, 2).join(" ")}; more ${extra.slice(0, 2).join(" ")}`);
}

function nabij(...args) {
	const r = spawnSync(bin, args, { encoding: "utf8", env: { ...process.env, NABIJ_DB: join(tmp, "local.db"), LANGUAGE: "en" } });
	return { status: r.status, out: (r.stdout || "") + (r.stderr || "") };
}

const word = "heron" + Array.from({ length: 8 }, () => "bcdfghjklmnpqrstvwxz"[Math.floor(Math.random() * 20)]).join("");
const password = "a bench in the park under the lime tree";

const phone = (extra) => ({
	viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2,
	ignoreHTTPSErrors: true, locale: "en-GB", timezoneId: "Europe/Amsterdam", acceptDownloads: true, ...extra,
});

async function tapType(page, selector, text) {
	await page.locator(selector).tap();
	await page.keyboard.type(text);
}
async function tapTo(page, url, locator) {
	await Promise.all([page.waitForURL(url), page.locator(locator).tap()]);
}
/* a tap that sends a form and waits for the page it brings */
async function tapSend(page, locator) {
	await Promise.all([page.waitForNavigation(), page.locator(locator).tap()]);
}
async function shot(page, what) {
	if (!shots)
		return;
	check(`${what}: no sideways scroll`, await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
	await page.screenshot({ path: join(shots, `${what}-375.png`), fullPage: true });
}
async function signUp(page, invite, name) {
	await page.goto(invite);
	await tapType(page, "#f-name", name);
	await tapType(page, "#f-password", password);
	await tapTo(page, base + "/", "form.account button[type=submit]");
	check(`${name}: signed up`, await page.locator("nav.bar").isVisible());
}
/* the password step of signing in; the page it brings */
async function signInPassword(page, name, pass) {
	await page.goto(base + "/signin");
	await tapType(page, "#f-name", name);
	await tapType(page, "#f-password", pass);
	await tapSend(page, "form.account button[type=submit]");
}
const alert = async (page) => (await page.locator("[role=alert]").count()) ? (await page.locator("[role=alert]").first().textContent()).trim() : "";

if (shots)
	mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
	const ctx = await browser.newContext(phone());
	const page = await ctx.newPage();
	await signUp(page, process.env.NABIJ_INVITE_D, "carla");

	// a check-in and a moment, with words of hers
	await tapTo(page, base + "/checkin", "nav.bar a[href='/checkin']");
	await page.locator("label:has(> input[name=mood][value='3'])").tap();
	await tapType(page, "textarea[name=note]", `Sat on the ${word} bench.`);
	await tapTo(page, /\/\?saved=/, "button[type=submit]:has-text('Save the check-in')");
	await page.goto(base + "/moment");
	await page.locator("label:has(> input[name=kind]) >> nth=0").tap();
	await tapType(page, "input[name=with]", "Oma");
	await tapType(page, "textarea[name=note]", `Called about the ${word}.`);
	await tapSend(page, "button[type=submit]:has-text('Save the moment')");
	check("a check-in and a moment saved", /\/\?saved=/.test(page.url()) && await page.locator(".saved").count() === 1,
		await alert(page));

	// --- two-step sign-in, set up from the key the page shows
	await page.goto(base + "/account/factor");
	await tapSend(page, "form button[type=submit]:has-text('Set up two-step sign-in')");
	check("factor: a QR code", await page.locator("svg.qr").count() === 1);
	const key = (await page.locator("#factor-key").textContent()).replace(/\s/g, "");
	check("factor: a key of 32 letters", /^[A-Z2-7]{32}$/.test(key), key.length + " characters");
	await shot(page, "account-factor-setup");
	// a wrong code first, then the right one
	const c0 = counterNow();
	const first = totp(key, c0);
	const wrong = String((Number(first) + 1) % 1000000).padStart(6, "0");
	await tapType(page, "#f-code", wrong);
	await tapSend(page, "form button[type=submit]:has-text('Turn on two-step sign-in')");
	check("factor: a wrong code refused", (await alert(page)) !== "" && await page.locator("svg.qr").count() === 1);
	await tapType(page, "#f-code", first);
	await tapSend(page, "form button[type=submit]:has-text('Turn on two-step sign-in')");
	check("factor: on", (await page.locator("[role=status]").textContent()).includes("Two-step sign-in is on"));
	const codes = (await page.locator("ol.codes li code").allTextContents()).map((c) => c.trim());
	check("factor: ten recovery codes, kept", codes.length === 10 && new Set(codes).size === 10, codes.length);
	await shot(page, "account-factor-codes");
	await tapSend(page, "a.button:has-text('I have kept them')");
	check("factor: the codes are shown once", !(await page.content()).includes(codes[0]));

	// --- out, and in again with the password and a code
	await page.locator("nav.more summary").tap();
	await tapTo(page, base + "/signin", "nav.more form.signout button");
	await signInPassword(page, "carla", password);
	check("the password is one step: a code asked", (await page.locator("h1").textContent()).includes("One more step"));
	check("no session yet", !(await ctx.cookies()).some((c) => c.name === "__Host-nabij_session"));
	await tapType(page, "#f-code", first);
	await tapSend(page, "form.account button[type=submit] >> nth=0");
	check("the set-up's code is refused again", (await alert(page)) !== "" &&
		(await page.getAttribute("#f-code", "aria-invalid")) === "true");
	const next = totp(key, c0 + 1);
	await tapType(page, "#f-code", next);
	await tapTo(page, base + "/", "form.account button[type=submit] >> nth=0");
	check("signed in with password and code", await page.locator("nav.bar").isVisible());

	// --- a second browser of hers (another phone's browser)
	const ctx2 = await browser.newContext(phone({ userAgent: "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0" }));
	const other = await ctx2.newPage();
	await signInPassword(other, "carla", password);
	await tapType(other, "#f-code", next);
	await tapSend(other, "form.account button[type=submit] >> nth=0");
	check("a code already used is refused in another browser", (await alert(other)) !== "" && other.url() === base + "/signin");
	await other.locator("details.recovery summary").tap();
	await tapType(other, "#f-recovery", codes[0]);
	await tapTo(other, base + "/", "details.recovery button[type=submit]");
	check("a recovery code signs the second browser in", await other.locator("nav.bar").isVisible());

	await page.goto(base + "/account");
	const theirs = page.locator("ul.sessions li", { hasText: "Firefox on Android" });
	check("the second browser is listed", await theirs.count() === 1, String(await theirs.count()));
	check("this one, marked", await page.locator("ul.sessions li", { hasText: "this browser" }).count() === 1);
	await shot(page, "account");
	await tapTo(page, /\/account\?done=ended/, "ul.sessions li:has-text('Firefox on Android') button[type=submit]");
	check("it says the other went", (await page.locator("[role=status]").textContent()).includes("signed out now"));
	check("one browser left", await page.locator("ul.sessions li").count() === 1);
	await other.goto(base + "/account");
	check("the second browser lands on the sign-in page", other.url() === base + "/signin", other.url());
	await ctx2.close();

	// --- ten new recovery codes, behind the password and a code: a wrong
	// password refused at its field, then a recovery code asks for them;
	// the old ones are refused at once, a new one signs in
	await page.goto(base + "/account/factor");
	check("new codes: 9 left", (await page.locator("main").textContent()).includes("You have 9 recovery codes left"));
	await shot(page, "account-factor-on");
	await tapType(page, "#f-new-password", "not my password at all");
	await tapType(page, "#f-new-code", codes[1]);
	await tapSend(page, "form.factor-codes button[type=submit]");
	check("new codes: a wrong password refused at its field", (await alert(page)).includes("stay as they were") &&
		(await page.getAttribute("#f-new-password", "aria-invalid")) === "true" &&
		(await page.getAttribute("#f-password", "aria-invalid")) === null);
	await tapType(page, "#f-new-password", password);
	await tapType(page, "#f-new-code", codes[1]);
	await tapSend(page, "form.factor-codes button[type=submit]");
	check("new codes: made", (await page.locator("[role=status]").textContent()).includes("The old ones no longer work"));
	const fresh = (await page.locator("ol.codes li code").allTextContents()).map((c) => c.trim());
	check("new codes: ten, none of the old", fresh.length === 10 && new Set(fresh).size === 10 &&
		!fresh.some((c) => codes.includes(c)), fresh.length);
	check("new codes: the print button", await page.locator("button[data-print]").isVisible());
	await shot(page, "account-factor-new-codes");
	await tapSend(page, "a.button:has-text('I have kept them')");
	check("new codes: shown once", !(await page.content()).includes(fresh[0]));
	const ctx4 = await browser.newContext(phone());
	const third = await ctx4.newPage();
	await signInPassword(third, "carla", password);
	await third.locator("details.recovery summary").tap();
	await tapType(third, "#f-recovery", codes[2]);
	await tapSend(third, "details.recovery button[type=submit]");
	check("new codes: an old one refused at once", (await alert(third)) !== "" && third.url() === base + "/signin");
	if (!(await third.locator("details.recovery").getAttribute("open") !== null))
		await third.locator("details.recovery summary").tap();
	await third.locator("#f-recovery").fill("");
	await tapType(third, "#f-recovery", fresh[0]);
	await tapTo(third, base + "/", "details.recovery button[type=submit]");
	check("new codes: a new one signs in", await third.locator("nav.bar").isVisible());
	await ctx4.close();
	await page.goto(base + "/account");
	check("new codes: in her log", (await page.locator("table.log").textContent()).includes("New recovery codes made"));

	// --- everything downloaded
	const [download] = await Promise.all([page.waitForEvent("download"), page.locator("a[href='/export.json']").first().tap()]);
	const exported = join(tmp, "carla.json");
	await download.saveAs(exported);
	const hosted = readFileSync(exported, "utf8");
	check("the export holds her words", hosted.includes(word));
	check("a check-in and a moment in it", JSON.parse(hosted).records.length === 2, String(JSON.parse(hosted).records.length));

	// --- the account deleted, behind the password
	await tapType(page, "#f-delete", "not my password at all");
	await tapSend(page, "button.danger");
	check("deletion: a wrong password refused", (await alert(page)) !== "" && (await page.getAttribute("#f-delete", "aria-invalid")) === "true");
	await tapType(page, "#f-delete", password);
	await tapSend(page, "button.danger");
	check("deletion: the goodbye", (await page.locator("h1").textContent()).includes("Your account is deleted"));
	await page.goto(base + "/");
	check("deletion: signed out", page.url() === base + "/signin");
	await signInPassword(page, "nobody-by-this-name", password);
	const ordinary = await alert(page);
	await signInPassword(page, "carla", password);
	const gone = await alert(page);
	check("her old name and password: the ordinary message", gone !== "" && gone === ordinary, `${gone} / ${ordinary}`);
	check("and no code asked", !(await page.locator("h1").textContent()).includes("One more step"));
	await ctx.close();

	// --- the export into a local nabij, whole
	let r = nabij("import", exported);
	check("local: imported", r.status === 0, r.out);
	r = nabij("export", "--out", join(tmp, "local.json"));
	check("local: exported", r.status === 0, r.out);
	const local = readFileSync(join(tmp, "local.json"), "utf8");
	sameRecords("local: record for record", hosted, local);

	// --- ... and back into a new hosted account, through /data
	const ctx3 = await browser.newContext(phone());
	const dirk = await ctx3.newPage();
	await signUp(dirk, process.env.NABIJ_INVITE_E, "dirk");
	await dirk.goto(base + "/data");
	await dirk.locator("#f-file").setInputFiles(join(tmp, "local.json"));
	await tapSend(dirk, "form.import button[type=submit]");
	check("the import says so", (await dirk.locator("[role=status]").count()) > 0 && (await alert(dirk)) === "",
		(await dirk.locator("main").textContent()).slice(0, 300));
	const back = await (await ctx3.request.get(base + "/export.json")).text();
	sameRecords("hosted again: record for record", local, back);
	await ctx3.close();
} catch (e) {
	check("the test ran to its end", false, e.stack || String(e));
} finally {
	await browser.close();
}
const seconds = (Date.now() - started) / 1000;
check("under a minute", seconds < 60 * slow, `${seconds.toFixed(1)} s`);
console.log(`account: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
