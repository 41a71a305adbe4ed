#!/usr/bin/env node
// Demo data for a newcomer's bin/up: a few cases initiated through the gateway, exactly as a handling unit would.
// Idempotent: a case that already exists (409) counts as seeded. Development only.
'use strict';
require('../../tools/ts-hook');
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { requiredMaterials } = require('../../libs/domain/src/index.ts');

const gateway = process.env.GATEWAY_URL || `http://127.0.0.1:${process.env.GATEWAY_PORT || 3000}`;
const token = (user) =>
  execFileSync('node', [path.join(__dirname, 'demo-tokens.js'), user], { encoding: 'utf8' })
    .trim()
    .split(/\s+/)
    .pop();

const cases = [
  {
    caseNumber: '衡民罚〔2026〕1号',
    category: 'penalty',
    title: '某社会组织未按规定接受年度检查案',
    handlingDeadline: '2026-12-31T16:00:00.000Z',
  },
  {
    caseNumber: '衡民罚〔2026〕2号',
    category: 'penalty',
    title: '某养老机构消防安全隐患整改不到位案',
    handlingDeadline: '2027-01-15T16:00:00.000Z',
  },
  { caseNumber: '衡民许〔2026〕7号', category: 'permit', title: '某民办非企业单位成立登记', handlingDeadline: null },
];

async function post(url, body, bearer) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify(body),
  });
  if (res.status === 409) return 'exists';
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return 'created';
}

// A complete submission of the first demo case, so the legal reviewer's task inbox has work in it.
const facts = {
  initiation: 'filing',
  evidenceCollected: ['documentary-evidence', 'party-statement', 'on-site-transcript'],
  appraisalDone: false,
  expertConsulted: false,
  hearingHeld: false,
  discretionExercised: true,
  otherMaterials: false,
};

async function main() {
  const officer = token('u-officer-1');
  for (const c of cases) {
    const { handlingDeadline, ...rest } = c;
    const outcome = await post(`${gateway}/api/v1/cases`, handlingDeadline ? c : rest, officer);
    console.log(`  demo case ${c.caseNumber}: ${outcome}`);
  }
  const first = cases[0];
  const reviewUrl = `${gateway}/api/v1/reviews/${encodeURIComponent(first.caseNumber)}`;
  const existing = await fetch(reviewUrl, { headers: { authorization: `Bearer ${officer}` } });
  let review = 'exists';
  if (existing.status === 404) {
    // L2: the unit head signs the preliminary review (the signer is the token's user), then the officer submits.
    await post(
      `${reviewUrl}/preliminary-review`,
      { outcome: 'passed', documentRef: 'demo:preliminary-review', opinion: '事实清楚，同意报送法制审核' },
      token('u-unit-head-1'),
    );
    // L3: the handling deadline comes from the case record, which review-svc receives a moment after initiation.
    const submission = {
      caseNo: first.caseNumber,
      proposedDecision: { category: 'penalty', procedure: 'general', partyType: 'organisation', fineYuan: 80000 },
      partyName: '某养老服务有限公司',
      caseFacts: facts,
      materials: requiredMaterials(facts).map(({ item }) => ({ item, documentRef: `demo:${item}` })),
      urgent: false,
    };
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${gateway}/api/v1/reviews`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
        body: JSON.stringify(submission),
      });
      const body = await res.json().catch(() => ({}));
      if (res.ok) review = 'created';
      else if (res.status === 409 && body.code === 'REVIEW.CASE_NOT_REGISTERED' && attempt < 100) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      } else if (res.status !== 409) throw new Error(`submission answered ${res.status}: ${JSON.stringify(body)}`);
      break;
    }
  } else if (!existing.ok) {
    throw new Error(`${reviewUrl} answered ${existing.status}: ${await existing.text()}`);
  }
  console.log(`  demo review of ${first.caseNumber}: ${review === 'created' ? 'submitted' : 'exists'}`);
}

main().catch((e) => {
  console.error(`✘ seeding demo data failed: ${e.message}`);
  process.exit(1);
});
