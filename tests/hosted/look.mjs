// How nabij serve's own pages look and read (run by look.sh, which starts
// nabij-serve beside a PostgreSQL of the test's own, as behind a proxy, and
// makes the invitations): signing in and up, the second step of a sign-in,
// /account, /account/factor (off, its set-up with the QR code, the
// recovery codes, on), the goodbye, and /admin; each with its errors. In
// English and Dutch, light and dark, each state is checked by axe-core
// (WCAG 2.2 A and AA and axe's best practices, as tests/web/look.mjs checks
// nabij ui) at 375 and 1280 px, and in the light scheme it must not scroll
// sideways at 375 or 320 px (one browser of each person's comes from a long
// IPv6 address). Each variant is a person of its own (a plain
// account that turns on two-step sign-in and at last deletes itself), and
// the same admin. Each violation counts as a failure.
// With NABIJ_SHOTS, a whole-page picture of every state at both widths.
// Prints "look-hosted: N passed, N failed".
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { counterNow, totp } from "./totp.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const { chromium } = createRequire(join(here, "..", "web", "package.json"))("playwright-core");
const { axe, overflowing } = await import(join(here, "..", "web", "axe.mjs"));
const base = process.env.NABIJ_BASE;
const invites = (process.env.NABIJ_INVITES || "").split(" ").filter(Boolean);
const adminInvite = process.env.NABIJ_INVITE_ADMIN;
const shots = process.env.NABIJ_SHOTS || "";
const slow = Number(process.env.NABIJ_TEST_SLOW || 1);
const started = Date.now();

let passed = 0, failed = 0;
function check(name, ok, detail) {
	if (ok) passed++;
	else { failed++; console.log(`FAIL ${name}${detail ? ": " + detail : ""}`); }
}

const otherThan = (code) => String((Number(code) + 1) % 1000000).padStart(6, "0");

const PHONE = { width: 375, height: 740 }, DESK = { width: 1280, height: 900 };
const password = "a quiet bench under the lime tree";
const adminPassword = "the keys of the old lighthouse";

/* Fill the fields of a form (by selector) and send it with its button
 * (by selector); the page it brings. */
async function send(page, fields, button) {
	for (const [selector, value] of fields)
		await page.fill(selector, value);
	await Promise.all([page.waitForNavigation(), page.click(button)]);
}

const findings = [];
/* One state of a page as it is now: axe at both widths (every fold open
 * on the desktop), no sideways scroll on a phone, and its pictures. */
async function look(page, name, v, shows) {
	const where = `${name} ${v.scheme} ${v.lang}`;
	if (shows)
		check(`${where}: the page shows ${shows}`, await page.locator(shows).count() > 0, page.url());
	for (const size of [PHONE, DESK]) {
		await page.setViewportSize(size);
		if (size === DESK) await page.evaluate(() => { for (const d of document.querySelectorAll("details:not(nav details)")) d.open = true; });
		await page.evaluate(() => window.scrollTo(0, 0));
		const { violations } = await axe(page);
		if (!violations.length) passed++;
		for (const f of violations) {
			findings.push(f);
			check(`axe ${f.id} (${f.impact}) on ${name}, ${v.scheme}, ${v.lang}, ${size.width} px`, false,
				`${f.help}: ${f.targets.slice(0, 4).join(", ")}${f.targets.length > 4 ? ` and ${f.targets.length - 4} more` : ""}`);
		}
		if (shots)
			await page.screenshot({ path: join(shots, `${name}-${v.lang}-${v.scheme}-${size.width}.png`), fullPage: true });
		if (v.scheme === "light" && size === PHONE)
			for (const width of [375, 320]) {
				await page.setViewportSize({ width, height: PHONE.height });
				const wide = await page.evaluate(() => document.documentElement.scrollWidth);
				check(`${name} ${v.lang}: no sideways scroll at ${width} px`, wide <= width,
					`scroll width ${wide} px; past the edge: ${await overflowing(page)}`);
			}
	}
	await page.setViewportSize(PHONE);
}

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
	if (shots) mkdirSync(shots, { recursive: true });
	check("totp: RFC 6238's vector", totp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 1) === "287082");
	check("an invitation for each variant, and the admin's", invites.length >= 4 && adminInvite, `${invites.length}`);
	let n = 0;
	for (const lang of ["en", "nl"])
		for (const scheme of ["light", "dark"]) {
			const v = { lang, scheme };
			const who = `person${n}`;
			const options = { viewport: PHONE, ignoreHTTPSErrors: true, locale: lang === "nl" ? "nl-NL" : "en-GB",
				timezoneId: "Europe/Amsterdam", colorScheme: scheme, reducedMotion: "reduce" };
			const ctx = await browser.newContext(options);
			const page = await ctx.newPage();
			page.setDefaultTimeout(30000 * slow);

			// --- signing up and in
			await page.goto(invites[n]);
			await look(page, "signup", v, "form.account");
			await send(page, [["#f-name", who], ["#f-password", "short"]], "form.account button[type=submit]");
			await look(page, "signup-error", v, "[aria-invalid=true]");
			await page.goto(base + "/signup?invite=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
			await look(page, "signup-bad-invite", v, "main a[href='/signin']");
			await page.goto(invites[n]);
			await send(page, [["#f-name", who], ["#f-password", password]], "form.account button[type=submit]");
			check(`${who}: signed up`, page.url() === base + "/", page.url());

			// another browser of theirs, from a long IPv6 address (the proxy
			// says so): a wrong password first, then in
			const ctx2 = await browser.newContext({ ...options,
				userAgent: "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0",
				extraHTTPHeaders: { "X-Forwarded-For": "2001:db8:85a3:8d3:1319:8a2e:370:7348" } });
			const other = await ctx2.newPage();
			await other.goto(base + "/signin");
			await look(other, "signin", v, "form.account");
			await send(other, [["#f-name", who], ["#f-password", "not the password at all"]], "form.account button[type=submit]");
			await look(other, "signin-wrong", v, "[role=alert]");
			await send(other, [["#f-name", who], ["#f-password", password]], "form.account button[type=submit]");
			check(`${who}: signed in on another browser`, other.url() === base + "/", other.url());

			// --- the account: two browsers, the log, a refused password change
			await page.goto(base + "/account");
			check(`${who}: two browsers listed`, await page.locator("ul.sessions > li").count() === 2);
			check(`${who}: the other from its address`,
				(await page.locator("table.log").textContent()).includes("2001:db8:85a3:8d3:1319:8a2e:370:7348"));
			await look(page, "account", v, "table.log");
			await send(page, [["#f-old", password], ["#f-new", "short"]], "form.account:has(#f-old) button[type=submit]");
			await look(page, "account-error", v, "#f-new[aria-invalid=true]");
			await page.goto(base + "/account");
			await Promise.all([page.waitForNavigation(), page.click("ul.sessions li form button[type=submit]")]);
			await look(page, "account-done", v, "[role=status]");
			await ctx2.close();

			// --- two-step sign-in: off, set up (a wrong code, then right), the codes, on
			await page.goto(base + "/account/factor");
			await look(page, "factor-off", v, "form.factor");
			await send(page, [], "form.factor button[type=submit]");
			await look(page, "factor-setup", v, "svg.qr");
			const key = (await page.locator("#factor-key").textContent()).replace(/\s/g, "");
			const counter = counterNow();
			await send(page, [["#f-code", otherThan(totp(key, counter))]], "form.factor button[type=submit]");
			await look(page, "factor-setup-error", v, "#f-code[aria-invalid=true]");
			await send(page, [["#f-code", totp(key, counter)]], "form.factor button[type=submit]");
			const codes = (await page.locator("ol.codes li code").allTextContents()).map((c) => c.trim());
			check(`${who}: ten recovery codes`, codes.length === 10, String(codes.length));
			await look(page, "factor-codes", v, "ol.codes");
			await page.goto(base + "/account/factor");
			await look(page, "factor-on", v, "form.factor");
			await send(page, [["#f-password", password], ["#f-code", "000000"]], "form.factor button[type=submit]");
			await look(page, "factor-on-error", v, "[role=alert]");

			// --- out, and the second step of signing in
			await page.goto(base + "/");
			await page.evaluate(() => document.querySelector("form.signout").requestSubmit());
			await page.waitForURL(base + "/signin");
			await send(page, [["#f-name", who], ["#f-password", password]], "form.account button[type=submit]");
			await look(page, "signin-code", v, "#f-code");
			await send(page, [["#f-code", otherThan(totp(key, counterNow()))]], "form.account:has(#f-code) button[type=submit]");
			await look(page, "signin-code-error", v, "#f-code[aria-invalid=true]");
			await page.evaluate(() => { document.querySelector("details.recovery").open = true; });
			await send(page, [["#f-recovery", "aaaa-aaaa"]], "details.recovery button[type=submit]");
			await look(page, "signin-recovery-error", v, "#f-recovery[aria-invalid=true]");
			await send(page, [["#f-recovery", codes[0]]], "details.recovery button[type=submit]");
			check(`${who}: in with a recovery code`, page.url() === base + "/",
				`${page.url()}: ${await page.locator("main").textContent()}`);

			// --- the account deleted: a wrong password, then the goodbye
			await page.goto(base + "/account");
			await look(page, "account-factor-on", v, "table.log");
			await send(page, [["#f-delete", "not my password"]], "button.danger");
			await look(page, "account-delete-error", v, "#f-delete[aria-invalid=true]");
			await send(page, [["#f-delete", password]], "button.danger");
			await look(page, "goodbye", v, "main a[href='/signin']");
			await ctx.close();

			// --- the admin: the page, an invitation made (its link), revoked, a name not known
			const actx = await browser.newContext(options);
			const admin = await actx.newPage();
			if (n === 0) {
				await admin.goto(adminInvite);
				await send(admin, [["#f-name", "admin"], ["#f-password", adminPassword]], "form.account button[type=submit]");
			} else {
				await admin.goto(base + "/signin");
				await send(admin, [["#f-name", "admin"], ["#f-password", adminPassword]], "form.account button[type=submit]");
			}
			await admin.goto(base + "/admin");
			await look(admin, "admin", v, "ul.invitations");
			await send(admin, [], "form.account:has(input[value=invite]) button[type=submit]");
			await look(admin, "admin-invite", v, "code.link-once");
			await admin.goto(base + "/admin");
			await Promise.all([admin.waitForNavigation(), admin.click("ul.invitations li form button[type=submit]")]);
			await look(admin, "admin-revoked", v, "[role=status]");
			await send(admin, [["#f-name", "no-one-by-this-name"]], "button.danger");
			await look(admin, "admin-error", v, "#f-name[aria-invalid=true]");
			await actx.close();
			n++;
		}
	const rules = [...new Set(findings.map((f) => `${f.id}: ${f.help}`))];
	if (rules.length) console.log("axe's findings, by rule:\n  " + rules.join("\n  "));
} catch (e) {
	check("the test ran to its end", false, e.stack || String(e));
} finally {
	await browser.close();
}
console.log(`look-hosted: ${passed} passed, ${failed} failed (${Math.round((Date.now() - started) / 1000)} s)`);
process.exit(failed ? 1 : 0);
