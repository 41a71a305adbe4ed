import { escapeHtml, renderPortalItem, type PortalItemView } from './web-portal-item.ssr';

const item: PortalItemView = {
  id: 'publication:罚〔2026〕1号',
  decisionNumber: '罚〔2026〕1号',
  agencyName: '演示市民政局',
  category: 'penalty',
  target: '某某有限公司',
  decidedOn: '2026-03-02',
  publishedAt: '2026-03-03T02:00:00.000Z',
  mode: 'full-text',
  body: '经查，当事人<script>alert(1)</script>未按规定 & 设置"警示"标志。',
};

describe('the portal item page rendered on the server', () => {
  it('D11: the published text is readable without JavaScript, in Asia/Shanghai time, and nothing in it becomes markup', () => {
    const html = renderPortalItem(item);
    expect(html).toContain('<h1>罚〔2026〕1号</h1>');
    expect(html).toContain(
      '经查，当事人&lt;script&gt;alert(1)&lt;/script&gt;未按规定 &amp; 设置&quot;警示&quot;标志。',
    );
    expect(html).not.toContain('<script');
    expect(html).toContain('2026/03/03 10:00（北京时间）');
    expect(html).toContain('行政处罚 penalty');
    expect(html).toContain('name="viewport"');
  });

  it('D9: the page leads to the objection form of the same item, its id encoded in the link', () => {
    expect(renderPortalItem(item)).toContain(`href="/portal/items/${encodeURIComponent(item.id)}/objection"`);
  });

  it('escapes the five characters that could open markup or an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
