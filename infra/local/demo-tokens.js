#!/usr/bin/env node
// The local token issuer: prints a bearer token for each demo user (infra/local/demo-users.json), signed with the
// stack's generated key. Development only — an agency's own identity provider issues real tokens.
//   node infra/local/demo-tokens.js [--json] [user-id]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { SignJWT, importPKCS8 } = require('jose');

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const only = args.find((a) => !a.startsWith('--'));
  const stackDir = process.env.STACK_DIR || path.join(__dirname, '../../.local/stack');
  const keyFile = process.env.JWT_PRIVATE_KEY_FILE || path.join(stackDir, 'jwt/private.pem');
  const issuer = process.env.JWT_ISSUER || 'enforcement-local';
  const key = await importPKCS8(fs.readFileSync(keyFile, 'utf8'), 'ES256');
  const { users } = JSON.parse(fs.readFileSync(path.join(__dirname, 'demo-users.json'), 'utf8'));
  const out = {};
  for (const u of users.filter((x) => !only || x.id === only)) {
    out[u.id] = await new SignJWT({ name: u.name, roles: u.roles, unitId: u.unitId })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(u.id)
      .setIssuer(issuer)
      .setAudience('enforcement')
      .setIssuedAt()
      .setExpirationTime('30d')
      .sign(key);
  }
  if (json) return console.log(JSON.stringify(out, null, 2));
  for (const u of users.filter((x) => out[x.id]))
    console.log(`${u.roles.join(',').padEnd(22)} ${u.name}\t${out[u.id]}`);
}

main().catch((e) => {
  console.error(`demo-tokens: ${e.message}`);
  process.exit(1);
});
