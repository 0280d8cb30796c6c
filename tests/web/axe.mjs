// What look.mjs (nabij ui) and tests/hosted/look.mjs (nabij serve) share:
// axe-core run in a page against WCAG 2.2 A and AA and axe's best
// practices, and the elements that make a page scroll sideways.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
export const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/* axe-core in the page: page.evaluate runs outside the page's
 * Content-Security-Policy, so the page is checked as people get it. */
export async function axe(page) {
	if (!(await page.evaluate(() => typeof window.axe === "object")))
		await page.evaluate(axeSource);
	return page.evaluate((tags) => window.axe.run(document, {
		runOnly: { type: "tag", values: tags }, resultTypes: ["violations", "incomplete"] }).then((r) => {
		const list = (l) => l.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
			targets: v.nodes.map((n) => n.target.join(" ")) }));
		return { violations: list(r.violations), incomplete: list(r.incomplete) };
	}), axeTags);
}

/* The innermost elements that reach past the right edge, by a short
 * selector: what makes a page scroll sideways. */
export function overflowing(page) {
	return page.evaluate(() => {
		const edge = document.documentElement.clientWidth + 0.5;
		const folded = (e) => { const d = e.closest("details:not([open])"); return d && !e.closest("summary"); };
		const past = [...document.body.querySelectorAll("*")].filter((e) => !folded(e) && e.getBoundingClientRect().right > edge);
		const inner = past.filter((e) => !past.some((o) => o !== e && e.contains(o)));
		const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
			[...e.classList].map((c) => "." + c).join("");
		const path = (e) => [e.parentElement?.parentElement, e.parentElement, e].filter((x) => x && x !== document.body)
			.map(name).join(" > ");
		const seen = [...new Set(inner.map((e) => `${path(e)} (to ${Math.round(e.getBoundingClientRect().right)} px)`))];
		return seen.slice(0, 8).join(", ") + (seen.length > 8 ? ` and ${seen.length - 8} more` : "");
	});
}
