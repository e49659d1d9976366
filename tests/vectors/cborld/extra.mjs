// The extra CBOR-LD vector of tests/vectors/cborld/: terms no context defines, a dateTime with
// milliseconds, one not in toISOString's form, an http:// URL and a URL with a port.
import * as cborld from '@digitalbazaar/cborld';
import fs from 'node:fs';
const v = JSON.parse(fs.readFileSync(process.argv[2]));
const contexts = {'https://www.w3.org/ns/credentials/v2': JSON.parse(fs.readFileSync(process.argv[3])), ...v.contexts};
const doc = structuredClone(v.credential);
doc.note = 'no context defines this';
doc.credentialSubject.extra = {deep: [1, 2, 'three'], 'flag': true};
doc.credentialSubject.id = 'http://example.org/person/1';
doc.validFrom = '2023-04-05T00:00:00.250Z';
doc.validUntil = '2026-04-04T23:59:59+04:00';
doc.id = 'https://example.org:8443/c/1';
const table = new Map(Object.entries(v.typeTable).map(([k, t]) => [k, new Map(Object.entries(t))]));
const documentLoader = url => { if (contexts[url]) return {document: contexts[url]}; throw new Error('no ' + url); };
const bytes = await cborld.encode({jsonldDocument: doc, documentLoader, registryEntryId: v.registryEntryId, typeTableLoader: () => table});
const back = await cborld.decode({cborldBytes: bytes, documentLoader, typeTableLoader: () => table});
fs.writeFileSync(process.argv[4], JSON.stringify({credential: doc, decoded: back, cborldHex: Buffer.from(bytes).toString('hex'), registryEntryId: v.registryEntryId, typeTable: v.typeTable, contexts: v.contexts}, null, 2) + '\n');
