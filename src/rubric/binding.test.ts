import { describe, expect, it } from 'vitest';
import { BUILTIN_RUBRICS_DIR, RubricRegistry } from './registry.js';
import { loadRubricText } from './load.js';
import { bindingProblems, softPhrases } from './binding.js';

const codes = (item: Parameters<typeof bindingProblems>[0], strict = false) => bindingProblems(item, ['criteria', 0], { strict }).map((f) => f.message.code);

describe('binding words', () => {
  it('a required criterion whose binding words are in its quote and binding is fine', () => {
    expect(codes({ severity: 'required', binding: 'cần có ít nhất', quote: 'mỗi trường cần có ít nhất 02 bộ máy tính' })).toEqual([]);
    // case, Unicode form and spacing do not matter; parts joined by … are each looked up
    expect(codes({ severity: 'required', binding: 'Đề nghị … XÂY DỰNG  kế hoạch', quote: 'Sở đề nghị các trường xây dựng kế hoạch'.normalize('NFD') })).toEqual([]);
  });

  it('a required criterion whose binding words are a target or encouragement phrase is an error', () => {
    expect(codes({ severity: 'required', binding: 'Từng bước phấn đấu', quote: 'Từng bước phấn đấu đảm bảo đủ máy tính' })).toEqual(['rubric.binding_soft.target']);
    expect(codes({ severity: 'required', binding: 'Khuyến khích', quote: 'Khuyến khích mỗi tổ bộ môn' })).toEqual(['rubric.binding_soft.encouragement']);
    expect(codes({ severity: 'required', binding: 'Đẩy mạnh', quote: 'Đẩy mạnh sử dụng sổ điểm' })).toEqual(['rubric.binding_soft.push']);
  });

  it('binding words missing from the quote are an error; a required criterion without binding is one only for lint', () => {
    expect(codes({ severity: 'required', binding: 'phải', quote: 'Nhà trường có hệ thống mạng WiFi' })).toEqual(['rubric.binding_not_in_quote']);
    expect(codes({ severity: 'required', quote: 'x' })).toEqual([]);
    expect(codes({ severity: 'required', quote: 'x' }, true)).toEqual(['rubric.binding_missing']);
    expect(codes({ severity: 'recommended', quote: 'x' }, true)).toEqual([]);
  });

  it('a target must say a target phrase; a summary stands in for the quote of a summarised source', () => {
    expect(codes({ severity: 'target', binding: 'phải', quote: 'phải' })).toEqual(['rubric.binding_target_without_phrase']);
    expect(codes({ severity: 'target', binding: 'từng bước hoàn thiện', summary: '25 computers per room — từng bước hoàn thiện' })).toEqual([]);
    expect(softPhrases('trong các năm học tới').map((s) => s.kind)).toEqual(['target']);
  });

  it('the loader reports them at file:line:col', () => {
    const text = [
      'schema: audit-rubric/v1', 'id: x', 'version: 1.0.0', 'title: { vi: "X" }', 'issuer: "Sở"',
      'document: { number: "1", date: 2024-01-01 }',
      'criteria:',
      '  - id: a', '    clause: "1"', '    title: { vi: "A" }', '    quote: "Từng bước phấn đấu đủ máy"',
      '    binding: "phấn đấu"', '    severity: required', '    check: { require: wifi }',
    ].join('\n');
    const r = loadRubricText(text, 'x.yaml');
    expect(r.problems.map((p) => `${p.line}:${p.col} ${p.message.code}`)).toEqual(['12:14 rubric.binding_soft.target']);
  });
});

describe('built-in rubrics', () => {
  const registry = new RubricRegistry(BUILTIN_RUBRICS_DIR);
  for (const e of registry.entries()) {
    it(`${e.id}@${e.version} passes the binding-word lint and records binding words for every criterion`, () => {
      const r = registry.loadFile(e.file, { strictBinding: true });
      expect(r.problems).toEqual([]);
      for (const c of [...r.rubric!.criteria, ...r.rubric!.district_criteria]) expect(c.binding, c.id).toBeTruthy();
    });
  }
});
