// Makes assets/vendor/cborld.js, assets/vendor/jsqr.js and assets/vendor/LICENSES.md from the
// pinned packages of package-lock.json (run by scripts/vendor-js after `npm ci`).
import {build} from 'esbuild';
import {readFileSync, writeFileSync, existsSync, readdirSync} from 'node:fs';
import {join, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', 'assets', 'vendor');
const modules = join(here, 'node_modules');

const pkg = name => JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8'));
const licenceText = name => {
  const dir = join(modules, name);
  const file = readdirSync(dir).find(f => /^licen[cs]e/i.test(f));
  if(!file) {
    // varint ships no licence file; its package.json and README say MIT: the MIT text, with
    // its author as the holder of the copyright.
    const p = pkg(name);
    if(p.license !== 'MIT') {
      throw new Error(`no licence file in ${name}`);
    }
    const author = typeof p.author === 'string' ? p.author : p.author?.name;
    return `(${name} ships no licence file: its package.json and README say "MIT"; the MIT licence text follows.)\n\n` +
      `Copyright (c) ${author}\n\n` + MIT;
  }
  return readFileSync(join(dir, file), 'utf8').trim();
};
const MIT = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR
THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;
const packageOf = path => {
  const m = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  return m && m[1];
};
const banner = names => '/*! ' + names.map(n => {
  const p = pkg(n);
  return `${p.name} ${p.version} (${p.license}, https://www.npmjs.com/package/${p.name})`;
}).join('; ') + '. Licence texts: LICENSES.md beside this file. */';

// CBOR-LD: one IIFE defining globalThis.CborLd = {decode}, with the packages it imports.
const cborld = await build({
  entryPoints: [join(here, 'entry.js')], bundle: true, format: 'iife', minify: true,
  platform: 'browser', target: 'es2020', metafile: true, write: false, legalComments: 'none'
});
const used = [...new Set(Object.keys(cborld.metafile.inputs).map(packageOf).filter(Boolean))].sort();
const cborldNames = ['@digitalbazaar/cborld', ...used.filter(n => n !== '@digitalbazaar/cborld')];
writeFileSync(join(out, 'cborld.js'), banner(cborldNames) + '\n' + cborld.outputFiles[0].text);

// jsQR: its UMD build, minified (defines the global jsQR in a page).
const jsqr = await build({
  entryPoints: [join(modules, 'jsqr', 'dist', 'jsQR.js')], bundle: false, minify: true,
  target: 'es2020', write: false, legalComments: 'none'
});
writeFileSync(join(out, 'jsqr.js'), banner(['jsqr']) + '\n' + jsqr.outputFiles[0].text);

let md = '# Licences of the bundled JavaScript libraries\n\n' +
  'Made by `scripts/vendor-js` from the versions pinned in `scripts/vendor/package-lock.json`.\n\n' +
  '- `cborld.js`: ' + cborldNames.map(n => `${n} ${pkg(n).version}`).join(', ') + ', bundled by esbuild\n' +
  '- `jsqr.js`: jsqr ' + pkg('jsqr').version + ', minified by esbuild\n';
for(const name of [...cborldNames, 'jsqr']) {
  const p = pkg(name);
  md += `\n## ${p.name} ${p.version} (${p.license})\n\nSource: https://www.npmjs.com/package/${p.name}` +
    (p.repository ? ` (${typeof p.repository === 'string' ? p.repository : p.repository.url})` : '') +
    '\n\n```text\n' + licenceText(name) + '\n```\n';
}
writeFileSync(join(out, 'LICENSES.md'), md);
console.log(`assets/vendor: cborld.js (${cborldNames.join(', ')}), jsqr.js, LICENSES.md`);
