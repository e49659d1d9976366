// The paper credential (the second QR code of a printed certificate, DESIGN §5), read by
// independent implementations, offline:
// - RFC 9285 base45: the `base45` package decodes the text after `VC1-R`;
// - CBOR-LD 1.0: Digital Bazaar's `@digitalbazaar/cborld` decodes it with the type table and the
//   contexts the site publishes under paper/ (nothing else), and encodes the credential it decoded
//   back to the very bytes certsite wrote;
// - the proof: Digital Bazaar's VC library with its eddsa-jcs-2022 suite verifies the decoded
//   credential against the site's DID document, and its Bitstring Status List checker reads the
//   paper's entry in the site's status list: the same bit as the certificate's own credential.
// The fixture is tests/fixtures/minimal (T-0005 suspended, T-0006 revoked), built for today as
// interop.test.mjs does (scripts/test also runs this with the clock 400 days ahead).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import * as cborld from "@digitalbazaar/cborld";
import base45 from "base45";
import * as vc from "@digitalbazaar/vc";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { createVerifyCryptosuite as createJcsVerifyCryptosuite } from "@digitalbazaar/eddsa-jcs-2022-cryptosuite";
import { checkStatus } from "@digitalbazaar/vc-bitstring-status-list";
import jsonld from "jsonld";
import { contexts as credentialsContexts } from "@digitalbazaar/credentials-context";
import dataIntegrityContext from "@digitalbazaar/data-integrity-context";
import multikeyContext from "@digitalbazaar/multikey-context";
import didContext from "did-context";
import { contexts as statusListContexts } from "@digitalbazaar/vc-bitstring-status-list-context";

const repo = resolve(import.meta.dirname, "../..");
const bin = process.env.CERTSITE_BIN || join(repo, "target/debug/certsite");
const NOW = new Date().toISOString();
const BUILD_DATE = NOW.slice(0, 10);
const VC2 = "https://www.w3.org/ns/credentials/v2";

// Contexts the packages hold, for the DID document, the keys and the status lists; the paper
// credential's own two contexts are NOT among them: they come from the site's paper/ folder.
const packaged = new Map([
  ...credentialsContexts,
  ...dataIntegrityContext.contexts,
  ...multikeyContext.contexts,
  ...didContext.contexts,
  ...statusListContexts,
]);

let root, pub, site, table, papers, credentials, didDocument;
const refused = [];

// An https:// address of the site → the file built for it.
function siteFile(url) {
  if (!url.startsWith(site + "/")) return null;
  const file = join(pub, new URL(url).pathname);
  return file.startsWith(pub + "/") && existsSync(file) ? file : null;
}

// Offline: the paper credential's contexts from the site's copies (the type table says where
// each is), the DID document and status lists from the built site, other contexts from packages.
async function documentLoader(url) {
  const done = (document) => ({ contextUrl: null, documentUrl: url, document: structuredClone(document) });
  const copy = table?.contexts?.[url];
  if (copy) {
    const file = siteFile(copy);
    if (file) return done(JSON.parse(readFileSync(file, "utf8")));
  }
  if (url.startsWith("did:web:")) {
    const [did, fragment] = url.split("#");
    if (did === didDocument.id) {
      if (fragment === undefined) return done(didDocument);
      const method = didDocument.verificationMethod.find((m) => m.id === url);
      if (method) return done({ "@context": didDocument["@context"], ...method });
    }
  } else if (packaged.has(url)) {
    return done(packaged.get(url));
  } else {
    const file = siteFile(url.split("#")[0]);
    if (file && file.endsWith(".json")) return done(JSON.parse(readFileSync(file, "utf8")));
  }
  refused.push(url);
  throw new Error(`offline document loader: no document for "${url}"`);
}

const typeTableLoader = ({ registryEntryId }) =>
  registryEntryId === table.registryEntryId
    ? new Map(Object.entries(table.typeTable).map(([type, values]) => [type, new Map(Object.entries(values))]))
    : undefined;

function bytesOf(text) {
  assert.ok(text.startsWith("VC1-R"), `a VC Barcodes QR text: ${text.slice(0, 12)}…`);
  assert.match(text, /^[0-9A-Z $%*+\-./:]+$/, "only QR alphanumeric characters");
  return new Uint8Array(base45.decode(text.slice(5)));
}

const decode = (text) => cborld.decode({ cborldBytes: bytesOf(text), documentLoader, typeTableLoader });

const suite = () => new DataIntegrityProof({ cryptosuite: createJcsVerifyCryptosuite() });

function reasons(result) {
  const out = [];
  const walk = (e) => {
    if (!e) return;
    if (Array.isArray(e)) return e.forEach(walk);
    out.push(e.message ?? String(e));
    walk(e.errors);
    walk(e.cause);
  };
  walk(result.error);
  for (const r of result.results ?? []) walk(r.error);
  return out.join("; ");
}

// Parses batch.csv (RFC 4180: quoted fields may hold commas and doubled quotes).
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field), rows.push(row), (row = []), (field = "");
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

before(() => {
  root = mkdtempSync(join(tmpdir(), "certsite-paper-"));
  cpSync(join(repo, "tests/fixtures/minimal"), root, { recursive: true });
  execFileSync(bin, ["build", "--build-date", BUILD_DATE], { cwd: root, stdio: "pipe" });
  // Every certificate, the suspended and revoked ones too (by number, forced).
  const numbers = parseCsv(readFileSync(join(root, "data/certificates.csv"), "utf8")).map((r) => r.number);
  execFileSync(bin, ["print", "--build-date", BUILD_DATE, "--force", "--out", join(root, "print"), ...numbers], { cwd: root, stdio: "pipe" });
  pub = join(root, "public");
  papers = {};
  for (const row of parseCsv(readFileSync(join(root, "print/batch.csv"), "utf8"))) papers[row.number] = row.paper_qr;
  credentials = {};
  for (const code of readdirSync(join(pub, "c"))) {
    const credential = JSON.parse(readFileSync(join(pub, "c", code, "credential.json"), "utf8"));
    credentials[credential.credentialSubject.achievement.otherIdentifier[0].identifier] = credential;
  }
  site = new URL(Object.values(credentials)[0].id).origin;
  const didFile = [".well-known/did.json", "did.json"].map((p) => join(pub, p)).find(existsSync);
  didDocument = JSON.parse(readFileSync(didFile, "utf8"));
  table = JSON.parse(readFileSync(join(pub, "paper/type-table.json"), "utf8"));
});

after(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

test("the site publishes the type table and the contexts a decoder needs, with an application registry id", () => {
  assert.ok(Number.isInteger(table.registryEntryId) && table.registryEntryId >= 65536, `registryEntryId ${table.registryEntryId}`);
  assert.deepEqual(Object.keys(table.contexts).sort(), [VC2, `${site}/paper/v1.jsonld`].sort());
  for (const [url, copy] of Object.entries(table.contexts)) assert.ok(siteFile(copy), `${url}: a copy at ${copy}`);
  // The copy of the W3C context is the one Digital Bazaar's package holds.
  assert.deepEqual(JSON.parse(readFileSync(siteFile(table.contexts[VC2]), "utf8")), packaged.get(VC2));
  assert.equal(table.typeTable.url[didDocument.id], 1, "the issuer's DID is in the url table");
  assert.equal(Object.keys(papers).length, Object.keys(credentials).length, "a paper QR for every printed certificate");
});

test("@digitalbazaar/cborld decodes every paper QR, and encodes what it decoded to the same bytes", async () => {
  for (const [number, text] of Object.entries(papers)) {
    const bytes = bytesOf(text);
    assert.deepEqual([...bytes.slice(0, 3)], [0xd9, 0xcb, 0x1d], `${number}: CBOR-LD 1.0 tag`);
    const credential = await cborld.decode({ cborldBytes: bytes, documentLoader, typeTableLoader });
    assert.equal(credential.credentialSubject.certificateNumber, number);
    const again = await cborld.encode({ jsonldDocument: credential, documentLoader, registryEntryId: table.registryEntryId, typeTableLoader });
    assert.deepEqual([...again], [...bytes], `${number}: Digital Bazaar's encoder gives certsite's bytes`);
  }
  assert.deepEqual(refused, [], "every document was served locally");
});

test("the paper credential is the certificate's: same issuer, holder, dates and status entry; one eddsa-jcs-2022 proof", async () => {
  for (const [number, text] of Object.entries(papers)) {
    const paper = await decode(text);
    const full = credentials[number];
    assert.deepEqual(paper["@context"], [VC2, `${site}/paper/v1.jsonld`]);
    assert.deepEqual(paper.type, ["VerifiableCredential"]);
    assert.equal(paper.issuer, full.issuer.id);
    assert.equal(paper.validFrom, full.validFrom);
    assert.equal(paper.validUntil, full.validUntil);
    assert.equal(paper.credentialSubject.name, full.credentialSubject.name);
    assert.equal(paper.credentialSubject.profession, full.credentialSubject.achievement.name);
    for (const key of ["type", "statusPurpose", "statusListIndex", "statusListCredential", "statusSize", "statusMessage"]) {
      assert.deepEqual(paper.credentialStatus[key], full.credentialStatus[key], `${number}: credentialStatus.${key}`);
    }
    assert.equal(paper.proof.cryptosuite, "eddsa-jcs-2022");
    assert.ok(didDocument.assertionMethod.includes(paper.proof.verificationMethod));
    // No private column reaches the paper.
    assert.doesNotMatch(JSON.stringify(paper), /PRIVATE|private-email/);
  }
});

test("every decoded paper credential expands as JSON-LD without dropping a term (jsonld.js safe mode)", async () => {
  for (const [number, text] of Object.entries(papers)) {
    const expanded = await jsonld.expand(await decode(text), { documentLoader, base: null, safe: true });
    assert.equal(expanded.length, 1, number);
  }
});

test("Digital Bazaar's verifier accepts every paper credential; its status check flags exactly T-0005 and T-0006", async () => {
  for (const [number, text] of Object.entries(papers)) {
    const credential = await decode(text);
    const now = new Date(Date.parse(credential.validFrom) + 86_400_000).toISOString();
    const result = await vc.verifyCredential({ credential, suite: suite(), documentLoader, checkStatus, now });
    const flagged = number === "T-0005" || number === "T-0006";
    assert.equal(result.results?.[0]?.verified, true, `${number}: the proof: ${reasons(result)}`);
    assert.equal(result.statusResult?.verified, true, `${number}: the status list: ${reasons(result.statusResult ?? {})}`);
    // (The library reports the bit and leaves the verdict to the caller.)
    assert.equal(result.statusResult.results[0].status, flagged, `${number}: status bit`);
    assert.equal(result.statusResult.results[0].credentialStatus.statusListIndex, credentials[number].credentialStatus.statusListIndex);
  }
});

test("Digital Bazaar's verifier rejects a paper credential with one letter changed", async () => {
  const credential = await decode(papers["T-0001"]);
  credential.credentialSubject.name = credential.credentialSubject.name.replace("Ş", "S");
  const result = await vc.verifyCredential({ credential, suite: suite(), documentLoader, checkStatus, now: NOW });
  assert.equal(result.verified, false);
  assert.equal(result.results?.[0]?.verified, false, reasons(result));
});
