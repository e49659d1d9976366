// The paper credential vectors of tests/vectors/cborld/ (SOURCES.md): a paper credential as
// DESIGN §5 describes it, signed with eddsa-jcs-2022 by Node's Ed25519 (the proof carries the
// document's @context, as "Create Proof" of the cryptosuite says) and encoded with
// @digitalbazaar/cborld 8.1.0 under the site's type table, then base45 (the base45 package).
// Run where @digitalbazaar/cborld@8.1.0, canonicalize@2.1.0, base45@3.0.0 and bs58@6.0.0 are
// installed: node paper.mjs '{"from":…,"until":…,"name":…,"profession":…,"number":…,"index":…,"created":…,"seed":7}' paper-1.json
import * as cborld from '@digitalbazaar/cborld';
import canonicalize from 'canonicalize';
import base45 from 'base45';
import bs58 from 'bs58';
import crypto from 'node:crypto';
import fs from 'node:fs';

const V = JSON.parse(process.argv[2]);
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const BASE = 'https://sertifikat.example.az/';
const CTX = BASE + 'paper/v1.jsonld';
const DID = 'did:web:sertifikat.example.az';
const contexts = {
  [VC2]: JSON.parse(fs.readFileSync(new URL('../../../src/sign/contexts/credentials-v2.jsonld', import.meta.url))),
  [CTX]: {"@context": {"@protected": true, "certificateNumber": "https://schema.org/identifier", "profession": "https://schema.org/hasOccupation"}},
};
// fixed test key: 32 bytes of 7
const seed = Buffer.alloc(32, V.seed);
const priv = crypto.createPrivateKey({key: Buffer.concat([Buffer.from('302e020100300506032b657004220420','hex'), seed]), format: 'der', type: 'pkcs8'});
const pub = crypto.createPublicKey(priv).export({format:'der', type:'spki'}).subarray(12);
const keyId = 'key-' + crypto.createHash('sha256').update(pub).digest('hex').slice(0,16);
const VM = DID + '#' + keyId;
const STATUS = BASE + 'status/status.json';
const MSG = [["0x0", "neither suspended nor revoked"], ["0x1", "suspended"], ["0x2", "revoked"], ["0x3", "not used"]];

const doc = {
  "@context": [VC2, CTX],
  "type": ["VerifiableCredential"],
  "issuer": DID,
  "validFrom": V.from,
  "validUntil": V.until,
  "credentialSubject": {"name": V.name, "profession": V.profession, "certificateNumber": V.number},
  "credentialStatus": {"type": "BitstringStatusListEntry", "statusPurpose": "message", "statusListIndex": V.index, "statusListCredential": STATUS, "statusSize": 2,
    "statusMessage": MSG.map(([status, message]) => ({status, message}))},
};
const proofConfig = {type: "DataIntegrityProof", cryptosuite: "eddsa-jcs-2022", created: V.created, verificationMethod: VM, proofPurpose: "assertionMethod", "@context": doc["@context"]};
const h = s => crypto.createHash('sha256').update(s).digest();
const data = Buffer.concat([h(canonicalize(proofConfig)), h(canonicalize(doc))]);
const sig = crypto.sign(null, data, priv);
const signed = {...doc, proof: {...proofConfig, proofValue: 'z' + bs58.encode(sig)}};
const did = [...crypto.createHash('sha256').update(DID).digest().subarray(0,3)].reduce((a,b)=>a*256+b,0);
const registryEntryId = 65536 + did;
const table = new Map([
  ['context', new Map([[VC2, 1], [CTX, 2]])],
  ['url', new Map([[DID, 1], [STATUS, 2], [VM, 256 + crypto.createHash('sha256').update(pub).digest().readUInt16BE(0) % 65000]])],
  ['none', new Map([['message', 1], ...MSG.flatMap(([s, m], i) => [[s, 2 + i], [m, 6 + i]])])],
  ['https://w3id.org/security#cryptosuiteString', new Map([['ecdsa-rdfc-2019', 1], ['ecdsa-sd-2023', 2], ['eddsa-rdfc-2022', 3], ['ecdsa-xi-2023', 4], ['eddsa-jcs-2022', 5]])],
]);
const documentLoader = url => { if (contexts[url]) return {document: contexts[url]}; throw new Error('no ' + url); };
const bytes = await cborld.encode({jsonldDocument: signed, documentLoader, registryEntryId, typeTableLoader: () => table});
const text = 'VC1-R' + base45.encode(Buffer.from(bytes));
console.log('json', JSON.stringify(signed).length, 'cbor', bytes.length, 'text', text.length, 'reg', registryEntryId);
console.log(Buffer.from(bytes).toString('hex'));
const back = await cborld.decode({cborldBytes: bytes, documentLoader, typeTableLoader: () => table});

fs.writeFileSync(process.argv[3], JSON.stringify({credential: signed, cborldHex: Buffer.from(bytes).toString('hex'), qrText: text, registryEntryId,
  typeTable: Object.fromEntries([...table].map(([k, v]) => [k, Object.fromEntries(v)])), contexts: {[CTX]: contexts[CTX]}}, null, 2));
