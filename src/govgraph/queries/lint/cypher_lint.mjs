#!/usr/bin/env node
// Lint Cypher statements with Neo4j's own parser and semantic analysis
// (@neo4j-cypher/language-support, lintCypherQuery), offline.
//
// stdin:  {"schema": DbSchema-without-functions,
//          "statements": [{"name", "cypher", "parameters": {name: sample value}, "mapKeys": [keys of
//                          maps bound from parameters, e.g. r.src of UNWIND $rows AS r]}],
//          "items": [[statement index, "CYPHER 5"], ...]}
// stdout: {"package": version, "functions_checked": bool,
//          "results": [{"index", "version", "diagnostics": [{severity, message, line, character,
//                        start, end}]}]}
// The package is looked up in $GOVGRAPH_CYPHER_LINT_DIR (default ~/.cache/govgraph/cypher-lint),
// where scripts/system-deps.sh installs it. Exit 3 when it is missing.
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

const dir = process.env.GOVGRAPH_CYPHER_LINT_DIR || join(homedir(), '.cache', 'govgraph', 'cypher-lint');
const require = createRequire(join(dir, 'package.json'));
let ls;
try {
  ls = require('@neo4j-cypher/language-support');
} catch (e) {
  process.stderr.write(`@neo4j-cypher/language-support is not installed in ${dir} (run scripts/system-deps.sh): ${e && e.message}\n`);
  process.exit(3);
}
let version = null;
try {
  version = JSON.parse(readFileSync(join(dir, 'node_modules', '@neo4j-cypher', 'language-support', 'package.json'), 'utf8')).version;
} catch (e) { /* version unknown */ }

const input = JSON.parse(readFileSync(0, 'utf8'));
const severities = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

// Neo4j's built-in functions and procedures, per Cypher version, from the registry the package
// ships (its testData mirrors a Neo4j server's SHOW FUNCTIONS); plugins such as APOC are left
// out so that a call to a non-built-in function is reported.
function builtIns(registry) {
  const out = {};
  for (const [ver, reg] of Object.entries(registry || {})) {
    out[ver] = Object.fromEntries(Object.entries(reg).filter(([, f]) => f && f.isBuiltIn));
  }
  return out;
}
const mock = ls.testData && ls.testData.mockSchema;
const functionsChecked = Boolean(mock && mock.functions);
const functions = functionsChecked ? builtIns(mock.functions) : undefined;
const procedures = functionsChecked ? builtIns(mock.procedures) : undefined;
const results = [];
for (const [index, ver] of input.items) {
  const st = input.statements[index];
  const schema = { ...input.schema, parameters: st.parameters || {}, defaultLanguage: ver };
  if (st.mapKeys && st.mapKeys.length) {
    schema.propertyKeys = [...(schema.propertyKeys || []), ...st.mapKeys];
  }
  if (functionsChecked) {
    schema.functions = functions;
    schema.procedures = procedures;
  }
  let diagnostics;
  try {
    diagnostics = ls.lintCypherQuery(st.cypher, schema).diagnostics;
  } catch (e) {
    diagnostics = [{ severity: 1, message: `the linter crashed: ${e && e.message}`,
      range: { start: { line: 0, character: 0 } }, offsets: { start: 0, end: 0 } }];
  }
  results.push({
    index,
    version: ver,
    diagnostics: diagnostics.map((d) => ({
      severity: severities[d.severity] || String(d.severity),
      message: d.message,
      line: (d.range?.start?.line ?? 0) + 1,
      character: (d.range?.start?.character ?? 0) + 1,
      start: d.offsets?.start ?? 0,
      end: d.offsets?.end ?? 0,
    })),
  });
}
process.stdout.write(JSON.stringify({ package: version, functions_checked: functionsChecked, results }));
