// certsite's credentials and status lists checked by an independent, widely used implementation:
// Digital Bazaar's @digitalbazaar/vc (VC 2.0 data model checks), data-integrity (DataIntegrityProof)
// with the eddsa-jcs-2022 cryptosuite and ed25519-multikey (the issuer's key), and
// vc-bitstring-status-list (status list credentials, their bits). Nothing is fetched: the JSON-LD
// contexts come from Digital Bazaar's context packages, and did:web and the status lists resolve to
// the files certsite built, at the addresses a did:web resolver and an HTTP client would use.
//
// Needs: a built certsite binary ($CERTSITE_BIN, default ../../target/debug/certsite).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import * as vc from "@digitalbazaar/vc";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { createVerifyCryptosuite } from "@digitalbazaar/eddsa-jcs-2022-cryptosuite";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { checkStatus, decodeList } from "@digitalbazaar/vc-bitstring-status-list";
import jsonld from "jsonld";
import { contexts as credentialsContexts } from "@digitalbazaar/credentials-context";
import dataIntegrityContext from "@digitalbazaar/data-integrity-context";
import multikeyContext from "@digitalbazaar/multikey-context";
import didContext from "did-context";
import { contexts as statusListContexts } from "@digitalbazaar/vc-bitstring-status-list-context";

const repo = resolve(import.meta.dirname, "../..");
const bin = process.env.CERTSITE_BIN || join(repo, "target/debug/certsite");
const BUILD_DATE = "2026-11-23";
const NOW = `${BUILD_DATE}T12:00:00Z`;

const contexts = new Map([
  ...credentialsContexts,
  ...dataIntegrityContext.contexts,
  ...multikeyContext.contexts,
  ...didContext.contexts,
  ...statusListContexts,
]);

let root, pub, site, credentials, didDocument, documentLoader;
const requested = []; // every URL the libraries asked the loader for
const refused = []; // ... and those it could not serve (a network fetch a real verifier would do)

// did:web → the HTTPS address of its DID document (https://w3c-ccg.github.io/did-method-web/).
function didWebDocumentUrl(did) {
  const parts = did.slice("did:web:".length).split(":").map(decodeURIComponent);
  const path = parts.length === 1 ? "/.well-known" : "/" + parts.slice(1).join("/");
  return `https://${parts[0]}${path}/did.json`;
}

// An https:// address of the site → the file certsite built for it.
function siteFile(url) {
  if (!url.startsWith(site + "/")) return null;
  const file = join(pub, new URL(url).pathname);
  return file.startsWith(pub + "/") && existsSync(file) ? file : null;
}

function makeDocumentLoader() {
  return async function documentLoader(url) {
    requested.push(url);
    const done = (document) => ({ contextUrl: null, documentUrl: url, document: structuredClone(document) });
    if (contexts.has(url)) return done(contexts.get(url));
    if (url.startsWith("did:web:")) {
      const [did, fragment] = url.split("#");
      const file = siteFile(didWebDocumentUrl(did));
      if (file) {
        const doc = JSON.parse(readFileSync(file, "utf8"));
        // A did:web resolver rejects a document whose id is not the DID it resolved.
        if (doc.id !== did) throw new Error(`DID document at ${didWebDocumentUrl(did)} has id ${doc.id}, not ${did}`);
        if (fragment === undefined) return done(doc);
        const vm = (doc.verificationMethod || []).find((m) => m.id === url);
        if (vm) return done({ "@context": doc["@context"], ...vm });
      }
    } else {
      const file = siteFile(url.split("#")[0]);
      if (file && file.endsWith(".json")) return done(JSON.parse(readFileSync(file, "utf8")));
    }
    refused.push(url);
    throw new Error(`offline document loader: no document for "${url}"`);
  };
}

const suite = () => new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() });

async function verify(credential, now) {
  return vc.verifyCredential({ credential: structuredClone(credential), suite: suite(), documentLoader, checkStatus, now });
}

// The reasons a verification result gives, for assertion messages.
function reasons(result) {
  const out = [];
  const walk = (e) => {
    if (!e) return;
    out.push(e.message || String(e));
    (e.errors || []).forEach(walk);
    walk(e.cause);
  };
  walk(result.error);
  for (const r of result.results || []) walk(r.error);
  for (const r of result.statusResult?.results || []) walk(r.error);
  return [...new Set(out)].join(" | ") || JSON.stringify(result, null, 1).slice(0, 2000);
}

// A moment inside a credential's validity period (the date the signature is checked at).
function insideValidity(credential) {
  return new Date(Date.parse(credential.validFrom) + 86_400_000).toISOString();
}

before(() => {
  root = mkdtempSync(join(tmpdir(), "certsite-interop-"));
  cpSync(join(repo, "tests/fixtures/minimal"), root, { recursive: true });
  execFileSync(bin, ["build", "--build-date", BUILD_DATE], { cwd: root, stdio: "pipe" });
  pub = join(root, "public");
  credentials = {};
  for (const code of readdirSync(join(pub, "c"))) {
    const html = readFileSync(join(pub, "c", code, "index.html"), "utf8");
    const number = /data-number="([^"]+)"/.exec(html)[1];
    const status = /data-status="([^"]+)"/.exec(html)[1];
    const credential = JSON.parse(readFileSync(join(pub, "c", code, "credential.json"), "utf8"));
    credentials[number] = { code, status, credential };
  }
  const any = Object.values(credentials)[0].credential;
  site = new URL(any.id).origin;
  const issuer = typeof any.issuer === "string" ? any.issuer : any.issuer.id;
  didDocument = JSON.parse(readFileSync(siteFile(didWebDocumentUrl(issuer)), "utf8"));
  documentLoader = makeDocumentLoader();
});

after(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

test("the fixture has the certificates this test relies on", () => {
  assert.equal(credentials["T-0005"]?.status, "suspended");
  assert.equal(credentials["T-0006"]?.status, "revoked");
  assert.ok(Object.values(credentials).some((c) => c.status === "valid"), "a valid certificate");
});

test("the DID document: absolute Multikey ids controlled by the DID, under assertionMethod, keys Ed25519Multikey accepts", async () => {
  const did = didDocument.id;
  assert.ok(didDocument.verificationMethod.length > 0);
  for (const vm of didDocument.verificationMethod) {
    assert.ok(vm.id.startsWith(`${did}#`), `absolute id: ${vm.id}`);
    assert.equal(vm.controller, did);
    assert.ok(didDocument.assertionMethod.includes(vm.id), `${vm.id} under assertionMethod`);
    const { document } = await documentLoader(vm.id);
    const key = await Ed25519Multikey.from(document);
    assert.equal(key.id, vm.id);
    assert.equal(key.publicKey.length, 32, "an Ed25519 public key");
  }
});

test("every credential.json verifies (vc.verifyCredential, DataIntegrityProof eddsa-jcs-2022, did:web key, status lists)", async () => {
  for (const [number, { credential }] of Object.entries(credentials)) {
    const result = await verify(credential, insideValidity(credential));
    assert.equal(result.verified, true, `${number}: ${reasons(result)}`);
    const [proofResult] = result.results;
    assert.equal(proofResult.verificationMethod.id, credential.proof.verificationMethod);
    // CredentialIssuancePurpose: the key is under the DID document's assertionMethod, and that
    // document's id (the key's controller) is the credential's issuer.
    assert.equal(proofResult.purposeResult.valid, true);
    assert.equal(result.statusResult.verified, true, `${number}: status: ${reasons(result)}`);
    assert.deepEqual(
      result.statusResult.results.map((r) => r.credentialStatus.statusPurpose).sort(),
      ["revocation", "suspension"],
    );
  }
  assert.ok(requested.includes(didDocument.id), "the issuer's DID document was resolved");
  assert.deepEqual(refused, [], "every document the libraries asked for was served locally");
});

test("at the build date, a credential verifies unless its validUntil has passed", async () => {
  for (const [number, { credential, status }] of Object.entries(credentials)) {
    const result = await verify(credential, NOW);
    if (Date.parse(credential.validUntil) < Date.parse(NOW)) {
      assert.equal(result.verified, false, `${number} (${status}) expired on ${credential.validUntil}`);
      assert.match(reasons(result), /is after "validUntil"/);
    } else {
      assert.equal(result.verified, true, `${number} (${status}): ${reasons(result)}`);
    }
  }
});

test("both status list credentials verify and hold at least 131,072 entries", async () => {
  for (const purpose of ["revocation", "suspension"]) {
    const url = `${site}/status/${purpose}.json`;
    const { document: list } = await documentLoader(url);
    assert.ok(list.type.includes("BitstringStatusListCredential"));
    assert.equal(list.credentialSubject.type, "BitstringStatusList");
    assert.equal(list.credentialSubject.statusPurpose, purpose);
    const result = await vc.verifyCredential({ credential: list, suite: suite(), documentLoader, now: NOW });
    assert.equal(result.verified, true, `${url}: ${reasons(result)}`);
    const decoded = await decodeList({ encodedList: list.credentialSubject.encodedList });
    assert.ok(decoded.length >= 131072, `${url}: ${decoded.length} entries`);
  }
});

// eddsa-jcs-2022 signs JSON, not RDF, so verifying never expands the documents; a JSON-LD consumer
// (or an RDF-canonicalizing cryptosuite) does. VC 2.0 requires every term to be defined by the
// contexts (or https://www.w3.org/ns/credentials/undefined-terms/v2 to come last in @context); the
// v2 context has no @vocab. jsonld.js's safe mode rejects, on the first one, any term or type it
// would drop; this collects them all instead (the same events safe mode throws on).
test("every credential, status list and the DID document expand as JSON-LD without dropping a term (jsonld.js safe mode)", async () => {
  const docs = Object.entries(credentials).map(([number, { credential }]) => [number, credential]);
  for (const purpose of ["revocation", "suspension"]) {
    const url = `${site}/status/${purpose}.json`;
    docs.push([url, (await documentLoader(url)).document]);
  }
  docs.push([didDocument.id, didDocument]);
  const rejected = [];
  for (const [name, doc] of docs) {
    try {
      const expanded = await jsonld.expand(structuredClone(doc), { documentLoader, base: null, safe: true });
      assert.equal(expanded.length, 1, name);
    } catch (e) {
      if (e.name === "AssertionError") throw e;
      const events = new Set();
      await jsonld.expand(structuredClone(doc), {
        documentLoader,
        base: null,
        eventHandler: ({ event }) => events.add(`${event.code} ${JSON.stringify(event.details)}`),
      });
      rejected.push(`${name}: "${e.message}" (${e.details?.event?.message}); all it would drop: ${[...events].join("; ")}`);
    }
  }
  assert.ok(rejected.length === 0, `jsonld.js safe mode rejects:\n${rejected.join("\n")}`);
});

// The bits as Digital Bazaar's checkStatus reads them (it verifies each list and that its issuer
// is the credential's): {revocation: bool, suspension: bool}.
async function bits(number) {
  const { credential } = credentials[number];
  const result = await checkStatus({ credential, documentLoader, suite: suite() });
  assert.equal(result.verified, true, `${number}: ${reasons({ results: result.results, error: result.error })}`);
  return Object.fromEntries(result.results.map((r) => [r.credentialStatus.statusPurpose, r.status]));
}

test("status bits: T-0005 suspended, T-0006 revoked, valid certificates clear", async () => {
  assert.deepEqual(await bits("T-0005"), { revocation: false, suspension: true });
  assert.equal((await bits("T-0006")).revocation, true);
  for (const [number, { status }] of Object.entries(credentials)) {
    if (status === "valid") assert.deepEqual(await bits(number), { revocation: false, suspension: false }, number);
  }
});

test("a tampered credential fails verification", async () => {
  const [number, { credential }] = Object.entries(credentials).find(([, c]) => c.status === "valid");
  const now = insideValidity(credential);
  assert.equal((await verify(credential, now)).verified, true, `${number} untouched`);

  const renamed = structuredClone(credential);
  renamed.credentialSubject.name += " X";
  const result = await verify(renamed, now);
  assert.equal(result.verified, false, `${number} with a changed credentialSubject.name`);
  assert.match(reasons(result), /Invalid signature/);

  const moved = structuredClone(credential);
  moved.validUntil = "2099-12-31T23:59:59Z";
  const movedResult = await verify(moved, now);
  assert.equal(movedResult.verified, false, `${number} with a changed validUntil`);
  assert.match(reasons(movedResult), /Invalid signature/);
});

test("a tampered status list fails verification", async () => {
  const { document: list } = await documentLoader(`${site}/status/revocation.json`);
  const decoded = await decodeList({ encodedList: list.credentialSubject.encodedList });
  const index = Number(credentials["T-0005"].credential.credentialStatus.find((s) => s.statusPurpose === "revocation").statusListIndex);
  decoded.setStatus(index, true);
  list.credentialSubject.encodedList = await decoded.encode();
  const result = await vc.verifyCredential({ credential: list, suite: suite(), documentLoader, now: NOW });
  assert.equal(result.verified, false, "a revocation list with a bit flipped");
  assert.match(reasons(result), /Invalid signature/);
});

test("every document the libraries asked for was served locally (nothing would have been fetched)", () => {
  assert.ok(requested.length > 0);
  assert.deepEqual(refused, []);
});
