// Checks the invoice's receipt in the browser, trusting only the ledger's public key on the page:
// the event bytes hash to the leaf (RFC 9162 §2.1.1: SHA-256(0x00 || event)), the inclusion path
// leads from that leaf to the receipt's root (§2.1.3.2), the signed checkpoint states that size and
// root for this tenant, and its ECDSA P-256 / SHA-256 signature verifies. The ledger signs DER;
// WebCrypto wants r || s, so the signature is converted first. No library, no network but the receipt.
(function () {
  "use strict";
  var status = document.getElementById("proof");
  if (!status) { return; }

  function show(state, text) {
    status.setAttribute("data-state", state);
    status.textContent = text;
  }

  function b64(text) {
    var raw = atob(text), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }

  function toB64(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
    return btoa(s);
  }

  function equal(a, b) {
    if (a.length !== b.length) { return false; }
    var d = 0;
    for (var i = 0; i < a.length; i++) { d |= a[i] ^ b[i]; }
    return d === 0;
  }

  function concat(parts) {
    var n = 0, at = 0;
    parts.forEach(function (p) { n += p.length; });
    var out = new Uint8Array(n);
    parts.forEach(function (p) { out.set(p, at); at += p.length; });
    return out;
  }

  async function sha256(bytes) {
    return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  }

  function leafHash(event) { return sha256(concat([new Uint8Array([0]), event])); }
  function nodeHash(left, right) { return sha256(concat([new Uint8Array([1]), left, right])); }

  // RFC 9162 §2.1.3.2, with sizes as Numbers (exact below 2^53 leaves).
  async function rootFromInclusion(index, size, leaf, path) {
    if (index < 0 || index >= size) { throw new Error("leaf index outside the tree"); }
    var fn = index, sn = size - 1, r = leaf;
    for (var i = 0; i < path.length; i++) {
      var p = path[i];
      if (p.length !== 32) { throw new Error("proof element " + i + " is not a 32-byte hash"); }
      if (sn === 0) { throw new Error("proof is too long"); }
      if (fn % 2 === 1 || fn === sn) {
        r = await nodeHash(p, r);
        if (fn % 2 === 0) {
          while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
        }
      } else {
        r = await nodeHash(r, p);
      }
      fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
    }
    if (sn !== 0) { throw new Error("proof is too short"); }
    return r;
  }

  // DER SEQUENCE { INTEGER r, INTEGER s } to the 64 bytes r || s that WebCrypto verifies.
  function derToRaw(der) {
    var at = 0;
    function length() {
      var n = der[at++];
      if (n < 0x80) { return n; }
      var count = n & 0x7f, value = 0;
      if (count < 1 || count > 2) { throw new Error("bad DER length"); }
      for (var i = 0; i < count; i++) { value = (value << 8) | der[at++]; }
      return value;
    }
    function integer() {
      if (der[at++] !== 0x02) { throw new Error("signature is not DER: INTEGER expected"); }
      var n = length(), bytes = der.subarray(at, at + n);
      at += n;
      while (bytes.length > 32 && bytes[0] === 0) { bytes = bytes.subarray(1); }
      if (bytes.length > 32) { throw new Error("signature integer too long"); }
      var out = new Uint8Array(32);
      out.set(bytes, 32 - bytes.length);
      return out;
    }
    if (der[at++] !== 0x30) { throw new Error("signature is not DER: SEQUENCE expected"); }
    var total = length();
    if (at + total !== der.length) { throw new Error("signature has trailing bytes"); }
    var r = integer(), s = integer();
    if (at !== der.length) { throw new Error("signature has trailing bytes"); }
    return concat([r, s]);
  }

  function pemToSpki(pem) {
    var body = pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, "").replace(/\s+/g, "");
    return b64(body);
  }

  async function verify(receipt, pem, key, tenant) {
    if (receipt.key !== key) { throw new Error("the receipt is for " + receipt.key); }
    if (receipt.tenant !== tenant) { throw new Error("the receipt is for another ledger"); }
    var event = b64(receipt.event), leaf = await leafHash(event);
    if (!equal(leaf, b64(receipt.leafHash))) { throw new Error("the event bytes do not hash to the leaf hash"); }
    var path = receipt.inclusionProof.map(b64);
    var root = await rootFromInclusion(receipt.leafIndex, receipt.treeSize, leaf, path);
    if (!equal(root, b64(receipt.rootHash))) { throw new Error("the inclusion path does not lead to the root"); }
    var body = receipt.checkpoint.body;
    var lines = body.split("\n");
    if (body.charAt(body.length - 1) !== "\n" || lines.length < 4) { throw new Error("the checkpoint body is malformed"); }
    if (!lines[0].endsWith("/" + tenant)) { throw new Error("the checkpoint is for another log"); }
    if (lines[1] !== String(receipt.treeSize) || lines[2] !== toB64(root)) { throw new Error("the checkpoint does not state this size and root"); }
    var publicKey = await crypto.subtle.importKey("spki", pemToSpki(pem), { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
    var signed = await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, publicKey,
      derToRaw(b64(receipt.checkpoint.signature)), new TextEncoder().encode(body));
    if (!signed) { throw new Error("the checkpoint signature does not verify with the ledger's key"); }
  }

  async function run() {
    if (!window.crypto || !crypto.subtle) {
      show("unavailable", status.getAttribute("data-unavailable"));
      return;
    }
    show("checking", status.getAttribute("data-checking"));
    try {
      var response = await fetch(status.getAttribute("data-receipt"), { credentials: "same-origin", headers: { "Accept": "application/json" } });
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      var receipt = await response.json();
      var pem = document.getElementById("public-key").textContent;
      await verify(receipt, pem, status.getAttribute("data-key"), status.getAttribute("data-tenant"));
      show("verified", status.getAttribute("data-verified"));
    } catch (e) {
      show("failed", status.getAttribute("data-failed") + (e && e.message ? e.message : String(e)));
    }
  }

  run();
}());
