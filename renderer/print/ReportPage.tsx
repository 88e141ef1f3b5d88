// The report page the PDF is printed from (Electron's printToPDF in the app, Chromium's page.pdf in
// tests): the overview and the noncompliant list, with the same title, date and rule set as the Excel
// report. It renders the one report model and computes nothing; print.css lays it out for A4.

import type { ReportModel } from '../../shared/report/model.ts';
import { complianceRate } from '../../shared/report/labels.ts';
import { overallSentence, partsSentence, womenSentence } from '../../shared/report/prose.ts';
import { subtitleOf } from '../../shared/report/tables.ts';
import { percent, scrubIds } from '../../shared/report/text.ts';

type Line = ReportModel['total'];

function FigureCells({ f, model }: { f: Line; model: ReportModel }) {
  return (
    <>
      <td className="num">{f.expected ?? '—'}</td>
      <td className="num">{f.reported}</td>
      <td className="num">{f.notReported ?? '—'}</td>
      <td className="num">{f.compliant}</td>
      <td className="num fail">{f.noncompliant}</td>
      <td className="num unknown">{f.incomplete}</td>
      <td className="num">{percent(complianceRate(f))}</td>
      {model.ruleSet.parts.map((p) => (
        <td className="num" key={p.id}>
          {percent(f.parts[p.id]?.passRate ?? null)}
        </td>
      ))}
    </>
  );
}

export function ReportPage({ model }: { model: ReportModel }) {
  const women = womenSentence(model);
  return (
    <article className="qw-report">
      <header>
        <h1>{model.title}</h1>
        <p className="subtitle">{subtitleOf(model)}</p>
      </header>

      <section>
        <h2>一、总体情况</h2>
        <p>{overallSentence(model)}</p>
        <p>{partsSentence(model)}</p>
        {women && <p>{women}</p>}
      </section>

      <section>
        <h2>二、各乡镇（街道）情况</h2>
        <table className="figures">
          <thead>
            <tr>
              <th>序号</th>
              <th>乡镇（街道）</th>
              <th>应报</th>
              <th>已报送</th>
              <th>未报送</th>
              <th>达标</th>
              <th>不达标</th>
              <th>数据不全</th>
              <th>达标率</th>
              {model.ruleSet.parts.map((p) => (
                <th key={p.id} className="part">
                  {p.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.townships.map((t, i) => (
              <tr key={t.townshipId}>
                <td className="num">{i + 1}</td>
                <td className="place">{t.township}</td>
                <FigureCells f={t} model={model} />
              </tr>
            ))}
            <tr className="total">
              <td />
              <td>合计</td>
              <FigureCells f={model.total} model={model} />
            </tr>
          </tbody>
        </table>
      </section>

      <section>
        <h2>三、未实现“两进一有”的村（{model.noncompliant.length}个）</h2>
        {model.noncompliant.length === 0 ? (
          <p>已报送的村均已实现“两进一有”。</p>
        ) : (
          <table className="list">
            <thead>
              <tr>
                <th>序号</th>
                <th>乡镇</th>
                <th>村</th>
                <th>未达标项</th>
                <th>原因</th>
                <th>还差</th>
              </tr>
            </thead>
            <tbody>
              {model.noncompliant.map((v, i) => (
                <tr key={`${v.township}|${v.village}`} className="fail-row">
                  <td className="num">{i + 1}</td>
                  <td className="place">{v.township}</td>
                  <td className="place">{v.village}</td>
                  <td>{v.failed.map((f) => f.label).join('；')}</td>
                  <td>{scrubIds(v.failed.map((f) => f.reason).join('；'), model.fullIds)}</td>
                  <td>{v.failed.map((f) => f.missing).filter(Boolean).join('；')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <footer className="sign">
        <p>{model.organisation}</p>
        <p>{model.dateText}</p>
      </footer>
    </article>
  );
}
