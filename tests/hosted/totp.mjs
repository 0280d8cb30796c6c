// RFC 6238 with RFC 4226's truncation (SHA-1, six digits, 30 s), for the
// browser tests that turn on two-step sign-in with the key a page shows.
import { createHmac } from "node:crypto";

/* the code of a base32 key at a counter */
export function totp(b32, counter) {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	let bits = "";
	for (const c of b32.replace(/[\s=]/g, "").toUpperCase())
		bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
	const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
	const msg = Buffer.alloc(8);
	msg.writeBigUInt64BE(BigInt(counter));
	const hs = createHmac("sha1", key).update(msg).digest();
	const o = hs[19] & 15;
	return String((hs.readUInt32BE(o) & 0x7fffffff) % 1000000).padStart(6, "0");
}
/* the counter of this moment */
export const counterNow = () => Math.floor(Date.now() / 1000 / 30);
