// One whole personal experiment in the browser, on a fixed clock that the
// test moves a day at a time by starting nabij again (the same address, so
// the page simply reloads): set up by visible labels, follow today's kind of
// day with a check-in (and a hug on the days with), and read the answer.
// Then the default plan (3 pairs of 5 days: 30 days) of a practice in the
// person's own words, which nothing logged can show, so "did you do it?"
// is answered after each day's check-in, run to its end (the 25th answer
// was once refused). Screenshots go to SHOTS/experiment-*.png.
//   node experiment.mjs NABIJ_BINARY [SHOTS]
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

const dir = mkdtempSync(join(tmpdir(), "nabij-experiment-"));
const db = join(dir, "nabij.db");

function start(day) {
	const proc = spawn(bin, ["ui", "--no-open", "--address", "--port", "0"], {
		env: { ...process.env, NABIJ_DB: db, LANGUAGE: "en", LC_ALL: "C.UTF-8", TZ: "Europe/Amsterdam",
			NABIJ_NOW: `${day}T20:00:00+01:00` },
		stdio: ["ignore", "pipe", "inherit"],
	});
	return new Promise((resolve, reject) => {
		let out = "";
		proc.stdout.on("data", (d) => {
			out += d;
			const m = out.match(/http:\/\/127\.[0-9.]+:\d+\/\?token=[0-9a-f]{32}/);
			if (m) resolve({ proc, url: m[0] });
		});
		setTimeout(() => reject(new Error("nabij ui printed no address: " + out)), 5000 * slow);
	});
}
const stop = (s) => new Promise((resolve) => { s.proc.on("exit", resolve); s.proc.kill("SIGINT"); });
const follow = (page, act) => Promise.all([page.waitForEvent("load", { timeout: 30000 * slow }), act()]);

const days = [];
for (let d = new Date(Date.UTC(2026, 10, 2)), i = 0; i < 13 + 31; i++, d.setUTCDate(d.getUTCDate() + 1))
	days.push(d.toISOString().slice(0, 10));

/* under valgrind (NABIJ_TEST_SLOW) every wait is that much longer */
const timeout = 30000 * slow;
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
let server = await start(days[0]);
try {
	const page = await (await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: "en-GB" })).newPage();
	page.setDefaultTimeout(timeout);
	await page.goto(server.url);
	await follow(page, () => page.locator("footer").getByRole("link", { name: "Help" }).click());
	await follow(page, () => page.locator("main").getByRole("link", { name: "A personal experiment" }).click());
	check("the page says why the order is drawn by chance", (await page.locator("main").textContent()).includes("drawn by chance"));
	await page.getByRole("group", { name: "Which practice would you like to try?" })
		.getByText("a daily hug or sitting close, with a friend or a grandchild").click();
	await page.getByRole("group", { name: /What would you like to watch/ }).getByText("tension", { exact: true }).click();
	await page.getByLabel("Pairs of periods").selectOption("2");
	await page.getByLabel("Days in each period").selectOption("3");
	await page.getByText("Show it in the report").click();
	await follow(page, () => page.getByRole("button", { name: "Set up the experiment" }).click());
	check("set up, with a kind word", (await page.locator(".saved").textContent()).includes("Your experiment is set"));
	await page.screenshot({ path: `${shots}/experiment-set-up.png`, fullPage: true });

	// Twelve days, each on its own clock: today's page says what kind of day.
	let withDays = 0;
	for (let i = 0; i < 12; i++) {
		if (i > 0) {
			await stop(server);
			server = await start(days[i]);
		}
		await page.goto(new URL(server.url).origin + "/");	// the bookmark
		const line = await page.locator(".experiment-today").textContent();
		check(`day ${i + 1}: today names the day`, line.includes(`day ${i + 1} of 12`), line);
		const isWith = line.includes("a day with the practice");
		if (isWith) {
			withDays++;
			await follow(page, () => page.getByRole("link", { name: "Note a moment" }).click());
			await page.getByRole("group", { name: "What kind of moment was it?" }).getByText("hug", { exact: true }).click();
			await page.getByLabel("With whom?").fill("Sam");
			await follow(page, () => page.getByRole("button", { name: "Save the moment" }).click());
		}
		await follow(page, () => page.locator("nav.wide").getByRole("link", { name: "Check-in", exact: true }).click());
		const tension = isWith ? 2 + (i % 2) : 3 + (i % 3);
		await page.getByRole("group", { name: /Tension/ }).getByText(String(tension), { exact: true }).click();
		await follow(page, () => page.getByRole("button", { name: "Save the check-in" }).click());
		if (i === 0)
			check("the check-in is done, today says so", (await page.locator(".experiment-today").textContent()).includes("check-in is done"));
	}
	check("half the days with", withDays === 6, `${withDays}`);

	// The day after: the answer.
	await stop(server);
	server = await start(days[12]);
	await page.goto(new URL(server.url).origin + "/");
	await follow(page, () => page.getByRole("link", { name: "Your experiment" }).click());
	const main = await page.locator("main").textContent();
	check("the answer, not a provisional look", main.includes("The answer") && !main.includes("provisional"));
	check("the answer rests on the days", main.includes("It rests on 12 days in 4 periods"), main);
	check("tension clearly lower with the practice", main.includes("your tension was clearly lower"), main);
	check("what it can and cannot say", main.includes("not about other people"));
	await page.screenshot({ path: `${shots}/experiment-answer.png`, fullPage: true });
	await follow(page, () => page.getByRole("button", { name: "Close this experiment" }).click());
	check("closed without reproach", (await page.locator(".saved").textContent()).includes("nothing to make up for"));

	// The default plan, in one's own words, answered every day to its end.
	await page.getByRole("group", { name: "Which practice would you like to try?" })
		.getByText("something in your own words").click();
	await page.getByRole("textbox", { name: /In your own words/ }).fill("a walk at dawn");
	await page.getByRole("group", { name: /What would you like to watch/ }).getByText("tension", { exact: true }).click();
	check("three pairs unless chosen otherwise", await page.getByLabel("Pairs of periods").inputValue() === "3");
	check("five days unless chosen otherwise", await page.getByLabel("Days in each period").inputValue() === "5");
	await follow(page, () => page.getByRole("button", { name: "Set up the experiment" }).click());
	check("the default plan set up", (await page.locator(".saved").textContent()).includes("Your experiment is set"));
	let answered = 0, withOwn = 0;
	for (let i = 0; i < 30; i++) {
		if (i > 0) {
			await stop(server);
			server = await start(days[12 + i]);
		}
		await page.goto(new URL(server.url).origin + "/");
		const line = await page.locator(".experiment-today").textContent();
		check(`own, day ${i + 1}: today names the day`, line.includes(`day ${i + 1} of 30`), line);
		const isWith = line.includes("a day with the practice");
		withOwn += isWith;
		await follow(page, () => page.locator("nav.wide").getByRole("link", { name: "Check-in", exact: true }).click());
		await page.getByRole("group", { name: /Tension/ }).getByText(String(isWith ? 2 + (i % 2) : 3 + (i % 3)), { exact: true }).click();
		await follow(page, () => page.getByRole("button", { name: "Save the check-in" }).click());
		const asked = page.getByRole("region", { name: "Did you do it today?" });
		await follow(page, () => asked.getByRole("button", { name: isWith ? "Yes, I did" : "No, not today" }).click());
		const noted = await page.locator("main").textContent();
		if (noted.includes(isWith ? "Noted: done today." : "Noted: not today.")) answered++;
		else check(`own, day ${i + 1}: the answer is taken`, false, noted.replace(/\s+/g, " ").slice(0, 300));
	}
	check("every day of the plan answered", answered === 30, `${answered}`);
	check("half the days with", withOwn === 15, `${withOwn}`);
	await stop(server);
	server = await start(days[42]);
	await page.goto(new URL(server.url).origin + "/");
	check("today says the plan is complete", (await page.locator(".experiment-today").textContent()).includes("plan is complete"));
	await follow(page, () => page.getByRole("link", { name: "Your experiment" }).click());
	const own = await page.locator("main").textContent();
	check("the default plan ends with its answer", own.includes("The answer") && !own.includes("provisional"), own);
	check("its answer rests on all 30 days", own.includes("It rests on 30 days in 6 periods"), own);
	check("followed on every day answered", own.includes("followed on 30 of the 30 days"), own);
	check("tension clearly lower on the days with", own.includes("your tension was clearly lower"), own);
	await page.screenshot({ path: `${shots}/experiment-default-answer.png`, fullPage: true });
} catch (e) {
	failed++;
	console.log("FAIL " + (e.stack || e));
} finally {
	await browser.close();
	await stop(server);
	rmSync(dir, { recursive: true, force: true });
}
console.log(`experiment: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
