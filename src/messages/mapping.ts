// What `audit` says about a mapping file (`--mapping`, `audit-mapping.yaml`). Shape problems (unknown key,
// not a list…) use the rubric loader's sentences; these are the mapping's own.
import { registerMessages } from './format.js';

registerMessages({
  'mapping.invalid': { vi: 'Tệp ánh xạ tên có {count} lỗi', en: 'The mapping file has {count} problem(s)' },
  'mapping.not_a_mapping': {
    vi: 'Tệp ánh xạ phải gồm các khối "sheets:", "columns:", "labels:", "values:" (xem README, mục --mapping)',
    en: 'A mapping file consists of "sheets:", "columns:", "labels:" and "values:" blocks (see README, --mapping)',
  },
  'mapping.too_large': {
    vi: 'Tệp lớn hơn {max_kb} KB; tệp ánh xạ chỉ là vài dòng tên cột, tên mục',
    en: 'The file is larger than {max_kb} KB; a mapping file is a few lines of names',
  },
  'mapping.is_directory': {
    vi: '{file} là một thư mục — --mapping cần một tệp .yaml',
    en: '{file} is a folder — --mapping needs a .yaml file',
  },
  'mapping.empty_name': {
    vi: 'Tên "{name}" không có chữ hay số nào nên không dùng được',
    en: 'The name "{name}" has no letter or digit, so it cannot be used',
  },
  'mapping.name_twice': {
    vi: 'Tên "{name}" đã được dùng cho "{other}" ({other_vi}) ở trên — mỗi tên chỉ chỉ một mục',
    en: 'The name "{name}" is already given to "{other}" ({other_en}) above — a name can mean only one thing',
  },
  'mapping.name_taken': {
    vi: 'Tên "{name}" trong mẫu đã có nghĩa là "{other}" ({other_vi}) — tệp ánh xạ không đổi được nghĩa này; hãy ghi tên khác',
    en: 'The name "{name}" already means "{other}" ({other_en}) in the form — a mapping cannot change that; use another name',
  },
});
