// Words for every problem in a rubric or waivers file, and for choosing a rubric. The people who
// write rubrics are not programmers: each sentence says what is wrong and what to write instead.
import { registerMessages, type Catalogue } from './format.js';

export const RUBRIC_MESSAGES: Catalogue = {
  // The error as a whole (RubricError); each problem is printed after it as file:line:col: sentence.
  'rubric.invalid': { vi: 'Bộ tiêu chí có {count} lỗi', en: 'The rubric has {count} problem(s)' },
  'waivers.invalid': { vi: 'Tệp miễn trừ có {count} lỗi', en: 'The waivers file has {count} problem(s)' },

  // How a place in the file is named inside a sentence
  'rubric.field.key': { vi: '"{key}"', en: '"{key}"' },
  'rubric.field.item': { vi: 'phần tử thứ {n} của "{key}"', en: 'item {n} of "{key}"' },
  'rubric.field.item_root': { vi: 'phần tử thứ {n}', en: 'item {n}' },
  'rubric.field.root': { vi: 'tệp', en: 'the file' },
  'rubric.did_you_mean': { vi: ' (có phải "{suggestion}"?)', en: ' (did you mean "{suggestion}"?)' },
  'rubric.type.number': { vi: 'một số', en: 'a number' },
  'rubric.type.string': { vi: 'chữ', en: 'text' },
  'rubric.type.boolean': { vi: 'true hoặc false', en: 'true or false' },
  'rubric.type.array': { vi: 'một danh sách, ví dụ [a, b]', en: 'a list, e.g. [a, b]' },
  'rubric.type.object': { vi: 'một khối các dòng "khoá: giá trị"', en: 'a block of "key: value" lines' },

  // Reading the file
  'rubric.file_not_found': { vi: 'Không tìm thấy tệp {file}', en: 'File not found: {file}' },
  'rubric.file_unreadable': { vi: 'Không đọc được tệp {file}: {detail}', en: 'Cannot read {file}: {detail}' },
  'rubric.yaml.too_large': {
    vi: 'Tệp lớn hơn {max_kb} KB; bộ tiêu chí chỉ là một tệp văn bản ngắn',
    en: 'The file is larger than {max_kb} KB; a rubric is a short text file',
  },
  'rubric.yaml.syntax': { vi: 'Lỗi cú pháp YAML: {detail}', en: 'YAML syntax error: {detail}' },
  'rubric.yaml.duplicate_key': {
    vi: 'Khoá này được viết hai lần trong cùng một khối; chỉ giữ một',
    en: 'This key is written twice in the same block; keep one',
  },
  'rubric.yaml.tab': { vi: 'YAML không dùng phím Tab để thụt lề; hãy dùng dấu cách', en: 'YAML cannot be indented with tabs; use spaces' },
  'rubric.yaml.indent': {
    vi: 'Thụt lề sai: các dòng cùng một khối phải bắt đầu thẳng cột ({detail})',
    en: 'Wrong indentation: the lines of one block must start in the same column ({detail})',
  },
  'rubric.yaml.missing_char': {
    vi: 'Thiếu ký tự đóng (dấu ngoặc kép, ] hoặc }?) ({detail})',
    en: 'A closing character is missing (a quote, ] or }?) ({detail})',
  },
  'rubric.yaml.missing_colon': {
    vi: 'Một khoá phải nằm trên một dòng và kết thúc bằng ":" ({detail})',
    en: 'A key must fit on one line and end with ":" ({detail})',
  },
  'rubric.yaml.multiple_docs': {
    vi: 'Tệp có nhiều hơn một tài liệu YAML (dòng ---); mỗi tệp chỉ chứa một bộ',
    en: 'The file holds more than one YAML document (a --- line); keep one per file',
  },
  'rubric.yaml.bad_escape': {
    vi: 'Dấu \\ trong chữ đặt giữa ngoặc kép không hợp lệ; hãy dùng ngoặc đơn \'...\' ({detail})',
    en: 'A backslash in a "double-quoted" text is not valid; use \'single quotes\' ({detail})',
  },
  'rubric.yaml.bad_alias': {
    vi: 'Bí danh (*tên) trỏ tới một neo (&tên) không tồn tại',
    en: 'An alias (*name) points to an anchor (&name) that does not exist',
  },
  'rubric.yaml.too_many_aliases': {
    vi: 'Tệp dùng quá nhiều bí danh (*tên); tối đa 100',
    en: 'The file uses too many aliases (*name); at most 100 are allowed',
  },
  'rubric.empty_file': { vi: 'Tệp trống', en: 'The file is empty' },
  'rubric.not_a_mapping': {
    vi: 'Tệp phải gồm các dòng "khoá: giá trị", bắt đầu bằng schema: audit-rubric/v1',
    en: 'The file must consist of "key: value" lines, starting with schema: audit-rubric/v1',
  },

  // Shape (from the schema)
  'rubric.unknown_key': { vi: 'Khoá "{key}" không có trong định dạng{hint}', en: 'Unknown key "{key}"{hint}' },
  'rubric.unknown_key_allowed': {
    vi: 'Khoá "{key}" không có trong định dạng; ở đây chỉ dùng: {allowed}',
    en: 'Unknown key "{key}"; allowed here: {allowed}',
  },
  'rubric.missing_key': { vi: 'Thiếu {field}', en: '{field} is missing' },
  'rubric.empty_value': { vi: '{field} chưa có giá trị', en: '{field} has no value' },
  'rubric.expected': { vi: '{field} phải là {type}', en: '{field} must be {type}' },
  'rubric.expected_text': {
    vi: '{field} phải là chữ, không phải {found} (hãy đặt trong dấu ngoặc kép)',
    en: '{field} must be text, not {found} (put it in quotes)',
  },
  'rubric.expected_one_of': { vi: '{field} phải là một trong: {types}', en: '{field} must be one of: {types}' },
  'rubric.value_invalid': { vi: '{field} không hợp lệ ({detail})', en: '{field} is not valid ({detail})' },
  'rubric.must_be': { vi: '{field} phải là "{value}"', en: '{field} must be "{value}"' },
  'rubric.bad_choice': {
    vi: '{field} không thể là "{value}"{hint}; chỉ dùng: {allowed}',
    en: '{field} cannot be "{value}"{hint}; allowed: {allowed}',
  },
  'rubric.format.date': {
    vi: '{field} phải là ngày viết dạng yyyy-mm-dd (ví dụ 2016-10-26), không phải "{value}"',
    en: '{field} must be a date written yyyy-mm-dd (e.g. 2016-10-26), not "{value}"',
  },
  'rubric.format.school_year': {
    vi: '{field} phải là năm học dạng 2016-2017, không phải "{value}"',
    en: '{field} must be a school year like 2016-2017, not "{value}"',
  },
  'rubric.format.semver': {
    vi: '{field} phải là số phiên bản dạng 1.0.0, không phải "{value}"',
    en: '{field} must be a version like 1.0.0, not "{value}"',
  },
  'rubric.format.criterion_id': {
    vi: '{field} chỉ dùng chữ thường không dấu, chữ số và . _ - (ví dụ 2.students-per-computer), không phải "{value}"',
    en: '{field} may use only lower-case letters without accents, digits and . _ - (e.g. 2.students-per-computer), not "{value}"',
  },
  'rubric.format.rubric_id': {
    vi: '{field} chỉ dùng chữ thường không dấu, chữ số và - (ví dụ ben-tre-2782), không phải "{value}"',
    en: '{field} may use only lower-case letters without accents, digits and - (e.g. ben-tre-2782), not "{value}"',
  },
  'rubric.empty_text': { vi: '{field} không được để trống', en: '{field} must not be empty' },
  'rubric.text_too_long': { vi: '{field} dài quá {max} ký tự', en: '{field} is longer than {max} characters' },
  'rubric.too_few': { vi: '{field} phải có ít nhất {min} phần tử', en: '{field} must list at least {min} item(s)' },
  'rubric.too_many': { vi: '{field} chỉ được có tối đa {max} phần tử', en: '{field} may list at most {max} item(s)' },
  'rubric.at_least': { vi: '{field} phải từ {min} trở lên', en: '{field} must be at least {min}' },
  'rubric.more_than': { vi: '{field} phải lớn hơn {min}', en: '{field} must be greater than {min}' },
  'rubric.at_most': { vi: '{field} phải không quá {max}', en: '{field} must be at most {max}' },
  'rubric.less_than': { vi: '{field} phải nhỏ hơn {max}', en: '{field} must be less than {max}' },

  // Checks
  'rubric.check.not_mapping': {
    vi: 'Một phép kiểm tra phải là một khối như { require: it_plan }; các loại: {kinds}',
    en: 'A check must be a block such as { require: it_plan }; the kinds are: {kinds}',
  },
  'rubric.check.unknown_kind': {
    vi: 'Phép kiểm tra này không thuộc loại nào đã biết (các khoá: {keys}){hint}; các loại: {kinds}',
    en: 'This check is not of a known kind (its keys: {keys}){hint}; the kinds are: {kinds}',
  },
  'rubric.unknown_metric': {
    vi: 'Không có chỉ số "{metric}"{hint}; xem danh sách chỉ số trong định dạng bộ tiêu chí (mục "Metrics")',
    en: 'Unknown metric "{metric}"{hint}; the metrics are listed in the rubric format ("Metrics")',
  },
  'rubric.unknown_function': {
    vi: 'Không có chức năng phần mềm "{value}"{hint}; chỉ dùng: {allowed}',
    en: 'Unknown software function "{value}"{hint}; allowed: {allowed}',
  },
  'rubric.unknown_license': {
    vi: 'Không có loại bản quyền "{value}"{hint}; chỉ dùng: {allowed}',
    en: 'Unknown license "{value}"{hint}; allowed: {allowed}',
  },
  'rubric.unknown_vocab_value': {
    vi: '"{value}" không phải một giá trị của "{metric}"{hint}; chỉ dùng: {allowed}',
    en: '"{value}" is not a value of "{metric}"{hint}; allowed: {allowed}',
  },
  'rubric.in_without_vocab': {
    vi: '"in:" chỉ dùng với chỉ số có danh sách giá trị cố định, "{metric}" thì không; hãy so sánh bằng op và value',
    en: '"in:" needs a metric with a fixed list of values, and "{metric}" has none; compare it with op and value instead',
  },
  'rubric.graded_points_over_weight': {
    vi: 'Một mức cho {points} điểm, nhiều hơn trọng số của tiêu chí ({weight})',
    en: 'A band gives {points} points, more than the criterion\'s weight ({weight})',
  },
  'rubric.graded_never_full': {
    vi: 'Mức cao nhất chỉ cho {points} điểm trong khi trọng số là {weight}: tiêu chí không bao giờ đạt; hãy cho mức cao nhất bằng trọng số',
    en: 'The best band gives {points} points but the weight is {weight}: the criterion could never pass; make the top band\'s points equal the weight',
  },
  'rubric.graded_bands_not_descending': {
    vi: 'Các mức phải viết theo "min" giảm dần: {min} đứng sau {prev_min}',
    en: 'Bands must be written highest "min" first: {min} comes after {prev_min}',
  },

  // Meaning (semantic checks)
  'rubric.extends_format': {
    vi: '"extends" phải ghi mã bộ tiêu chí kèm phiên bản, ví dụ {example}; "{value}" thì chưa',
    en: '"extends" must name a rubric and its version, like {example}; "{value}" does not',
  },
  'rubric.extends_unknown': {
    vi: '"extends" ghi một bộ tiêu chí không có: {ref}; các bộ hiện có: {available}',
    en: '"extends" names a rubric that does not exist: {ref}; the rubrics are: {available}',
  },
  'rubric.extends_no_version': {
    vi: 'Bộ tiêu chí {id} không có phiên bản khớp "{ref}"; các phiên bản: {versions}',
    en: 'Rubric {id} has no version matching "{ref}"; its versions are: {versions}',
  },
  'rubric.extends_cycle': {
    vi: '"extends" tạo thành vòng lặp: {chain}',
    en: '"extends" goes round in a loop: {chain}',
  },
  'rubric.parent_invalid': {
    vi: 'Bộ tiêu chí được kế thừa ({ref}) có lỗi (liệt kê kèm tên tệp của nó)',
    en: 'The rubric it extends ({ref}) has problems (listed with its file name)',
  },
  'rubric.id_mismatch': {
    vi: '"id" là "{id}" nhưng tệp nằm trong thư mục "{expected}"; hai tên phải giống nhau',
    en: '"id" is "{id}" but the file is in the folder "{expected}"; they must be the same',
  },
  'rubric.version_mismatch': {
    vi: '"version" là "{version}" nhưng tệp tên {expected}.yaml; hai số phải giống nhau',
    en: '"version" is "{version}" but the file is named {expected}.yaml; they must be the same',
  },
  'rubric.binding_missing': {
    vi: 'tiêu chí bắt buộc chưa ghi "binding": những chữ của văn bản làm nó bắt buộc (ví dụ binding: "phải", "cần có ít nhất")',
    en: 'a required criterion must record "binding": the directive\'s words that make it binding (e.g. binding: "phải", "cần có ít nhất")',
  },
  'rubric.binding_soft.target': {
    vi: '"{phrase}" là chỉ tiêu phấn đấu, không phải yêu cầu: đặt severity: target (binding "{binding}")',
    en: '"{phrase}" is a target to strive for, not a requirement: use severity: target (binding "{binding}")',
  },
  'rubric.binding_soft.encouragement': {
    vi: '"{phrase}" là lời khuyến khích, không phải yêu cầu: đặt severity: recommended (binding "{binding}")',
    en: '"{phrase}" is encouragement, not a requirement: use severity: recommended (binding "{binding}")',
  },
  'rubric.binding_soft.push': {
    vi: '"{phrase}" không kèm con số hay thời hạn không phải yêu cầu: đặt severity: recommended, hoặc ghi vào binding chữ đặt con số/thời hạn (binding "{binding}")',
    en: '"{phrase}" without a number or deadline is not a requirement: use severity: recommended, or give the words that set the number or deadline (binding "{binding}")',
  },
  'rubric.binding_target_without_phrase': {
    vi: 'tiêu chí phấn đấu (target) phải có một trong các chữ {phrases} trong binding, không phải "{binding}"',
    en: 'a target criterion\'s binding words must contain one of {phrases}, not "{binding}"',
  },
  'rubric.binding_without_quote': {
    vi: 'tiêu chí bắt buộc có binding "{binding}" nhưng không có quote (hay summary) để đối chiếu',
    en: 'a required criterion has binding "{binding}" but no quote (or summary) to find it in',
  },
  'rubric.binding_not_in_quote': {
    vi: 'binding "{binding}" không có trong {where} của tiêu chí (không thấy: {absent}); chép đúng chữ của văn bản',
    en: 'binding "{binding}" is not in the criterion\'s {where} (not found: {absent}); copy the directive\'s own words',
  },
  'rubric.summary_source_quoted': {
    vi: 'nguồn "{source}" chỉ có bản tóm tắt (text: summary): ghi "summary:" thay cho "quote:", không trình bày như nguyên văn',
    en: 'source "{source}" is known only as a summary (text: summary): write "summary:" instead of "quote:", not as its words',
  },
  'rubric.summary_without_summary_source': {
    vi: '"summary:" chỉ dùng khi tiêu chí dẫn một nguồn có "text: summary" trong sources (nguồn hiện tại: "{source}")',
    en: '"summary:" is only for a criterion citing a source marked "text: summary" in sources (source here: "{source}")',
  },
  'rubric.weight_not_positive': { vi: '"weight" phải lớn hơn 0, không phải {weight}', en: '"weight" must be greater than 0, not {weight}' },
  'rubric.unknown_source': {
    vi: '"source" ghi "{source}", không có trong danh sách "sources"{hint}',
    en: '"source" names "{source}", which is not an id under "sources"{hint}',
  },
  'rubric.removed_and_defined': {
    vi: 'Tiêu chí "{id}" vừa nằm trong "remove" vừa được viết ở đây; chỉ giữ một',
    en: 'Criterion "{id}" is both listed in "remove" and written here; keep one',
  },
  'rubric.remove_without_extends': { vi: '"remove" chỉ dùng cùng với "extends"', en: '"remove" only works together with "extends"' },
  'rubric.remove_unknown': {
    vi: '"remove" ghi "{id}", nhưng {parent} không có tiêu chí này{hint}',
    en: '"remove" names "{id}", which {parent} does not have{hint}',
  },
  'rubric.score_bands_not_descending': {
    vi: 'Các mức xếp loại phải viết từ cao xuống thấp: "{id}" (min {min}) đứng sau "{prev_id}" (min {prev_min})',
    en: 'Bands must be written highest first: "{id}" (min {min}) comes after "{prev_id}" (min {prev_min})',
  },
  'rubric.group_matches_nothing': {
    vi: 'Nhóm "{id}": không có tiêu chí nào có mã bắt đầu bằng "{prefix}"',
    en: 'Group "{id}": no criterion id starts with "{prefix}"',
  },
  'rubric.band_from_without_groups': { vi: '"band_from: weakest_group" cần có "groups"', en: '"band_from: weakest_group" needs "groups"' },
  'rubric.band_from_without_bands': { vi: '"band_from" cần có "bands"', en: '"band_from" needs "bands"' },
  'rubric.example_unknown_criterion': {
    vi: 'Ví dụ "{example}" chờ kết quả của "{id}", nhưng bộ tiêu chí không có tiêu chí này{hint}',
    en: 'Example "{example}" expects a result for "{id}", which is not a criterion of this rubric{hint}',
  },
  'rubric.not_a_real_date': { vi: '"{value}" không phải một ngày có thật', en: '"{value}" is not a real date' },
  'rubric.school_year_not_consecutive': {
    vi: '"{value}" không phải năm học: năm sau phải liền năm trước (ví dụ 2016-2017)',
    en: '"{value}" is not a school year: the second year must follow the first (e.g. 2016-2017)',
  },
  'rubric.school_years_reversed': {
    vi: 'Năm học kết thúc ({to}) trước khi bắt đầu ({from})',
    en: 'The school years end ({to}) before they begin ({from})',
  },
  'rubric.districts_without_province': {
    vi: '"districts" cần có cả "provinces": nhiều tỉnh có quận/huyện trùng tên',
    en: '"districts" needs "provinces" too: the same district name exists in several provinces',
  },
  'rubric.unknown_province': {
    vi: 'Không có tỉnh/thành phố "{value}"{hint}',
    en: 'Unknown province "{value}"{hint}',
  },
  'rubric.duplicate_criterion': { vi: 'Mã "{id}" đã dùng ở dòng {first_line}', en: 'The id "{id}" is already used on line {first_line}' },
  'rubric.duplicate_source': { vi: 'Mã văn bản "{id}" đã dùng ở dòng {first_line}', en: 'The source id "{id}" is already used on line {first_line}' },
  'rubric.duplicate_deadline': { vi: 'Mã thời hạn "{id}" đã dùng ở dòng {first_line}', en: 'The deadline id "{id}" is already used on line {first_line}' },
  'rubric.duplicate_band': { vi: 'Mã mức "{id}" đã dùng ở dòng {first_line}', en: 'The band id "{id}" is already used on line {first_line}' },
  'rubric.duplicate_group': { vi: 'Mã nhóm "{id}" đã dùng ở dòng {first_line}', en: 'The group id "{id}" is already used on line {first_line}' },

  // Finding and choosing a rubric (UsageError findings and result warnings)
  'rubric.unknown': {
    vi: 'Không có bộ tiêu chí "{ref}". Các bộ hiện có: {available}',
    en: 'There is no rubric "{ref}". The rubrics are: {available}',
  },
  'rubric.unknown_version': {
    vi: 'Bộ tiêu chí "{id}" không có phiên bản "{version}". Các phiên bản: {versions}',
    en: 'Rubric "{id}" has no version "{version}". Its versions are: {versions}',
  },
  'rubric.none_applicable': {
    vi: 'Không có bộ tiêu chí nào áp dụng cho {scope}. Các bộ hiện có: {available}. Hãy chọn một bộ bằng --rubric, ví dụ --rubric {example}',
    en: 'No rubric applies to {scope}. The rubrics are: {available}. Choose one with --rubric, e.g. --rubric {example}',
  },
  'rubric.none_for_year': {
    vi: 'Chưa có bộ tiêu chí nào cho {scope}. Các bộ tiêu chí áp dụng cho trường này dành cho năm học khác: {available}. Một bộ chỉ dùng được cho năm học của văn bản nó mã hóa; nếu Sở/Phòng đã có văn bản cho năm học này, hãy viết bộ tiêu chí cho văn bản đó (xem rubrics/README.md)',
    en: 'No rubric exists for {scope}. The rubrics that cover this school are for other school years: {available}. A rubric judges only the years of the directive it encodes; if the Sở/Phòng has a directive for this year, write a rubric for it (see rubrics/README.md)',
  },
  'rubric.none_for_province': {
    vi: 'Chưa có bộ tiêu chí nào cho {scope}: công cụ chưa có văn bản của Sở/Phòng tỉnh này. Văn bản của tỉnh khác không dùng để đánh giá trường; hãy viết bộ tiêu chí cho văn bản của Sở/Phòng mình (xem rubrics/README.md) rồi dùng --rubric tệp.yaml',
    en: 'No rubric exists for {scope}: the tool has no directive of this province\'s Sở/Phòng. Another province\'s directive does not judge this school; write a rubric for your own Sở/Phòng\'s directive (see rubrics/README.md) and use --rubric file.yaml',
  },
  'rubric.scope_undeclared': {
    vi: 'Không chọn được bộ tiêu chí: trang "Thông tin chung" chưa khai báo {fields}. Hãy điền vào tệp, hoặc chọn bộ tiêu chí bằng --rubric, ví dụ --rubric {example}',
    en: 'Cannot choose a rubric: the "Thông tin chung" sheet does not declare {fields}. Fill it in, or choose a rubric with --rubric, e.g. --rubric {example}',
  },
  'rubric.field.province': { vi: 'Tỉnh/Thành phố', en: 'the province (Tỉnh/Thành phố)' },
  'rubric.field.school_year': { vi: 'Năm học', en: 'the school year (Năm học)' },
  'rubric.none_exist': {
    vi: 'Chưa có bộ tiêu chí nào; hãy chỉ ra tệp bộ tiêu chí bằng --rubric tệp.yaml',
    en: 'There are no rubrics yet; give a rubric file with --rubric file.yaml',
  },
  'rubric.scope': {
    vi: 'tỉnh/thành phố {province}, quận/huyện {district}, năm học {school_year}',
    en: 'province {province}, district {district}, school year {school_year}',
  },
  'rubric.scope.unknown': { vi: '(chưa khai báo)', en: '(not declared)' },
  'rubric.listed': { vi: '{ref} ({issuer}, {years})', en: '{ref} ({issuer}, {years})' },
  'rubric.years.all': { vi: 'mọi năm học', en: 'every school year' },
  'rubric.years.from': { vi: 'từ năm học {from}', en: 'from school year {from}' },
  'rubric.years.to': { vi: 'đến năm học {to}', en: 'until school year {to}' },
  'rubric.years.one': { vi: 'năm học {year}', en: 'school year {year}' },
  'rubric.years.range': { vi: 'năm học {from} đến {to}', en: 'school years {from} to {to}' },
  'rubric.written_for': {
    vi: 'Bộ tiêu chí {ref} mã hóa văn bản {document}, viết cho {years}; trường được đánh giá năm học {school_year} bằng văn bản này vì chưa có bộ tiêu chí mới hơn',
    en: 'Rubric {ref} encodes {document}, written for {years}; school year {school_year} is judged by it because no newer rubric exists',
  },
  'rubric.written_for_note': {
    vi: 'Bộ tiêu chí {ref} mã hóa văn bản {document}, viết cho {years}; trường được đánh giá năm học {school_year} bằng văn bản này vì chưa có bộ tiêu chí mới hơn. {note}',
    en: 'Rubric {ref} encodes {document}, written for {years}; school year {school_year} is judged by it because no newer rubric exists. {note}',
  },
  'rubric.i18n': { vi: '{vi}', en: '{en}' },
  'rubric.outside_years': {
    vi: 'Bộ tiêu chí {ref} áp dụng cho {years}, còn mẫu kiểm kê là năm học {school_year}',
    en: 'Rubric {ref} applies to {years}, but the workbook is for school year {school_year}',
  },
  'rubric.outside_scope': {
    vi: 'Bộ tiêu chí {ref} dành cho {provinces}, còn trường thuộc {province}',
    en: 'Rubric {ref} is for {provinces}, but the school is in {province}',
  },
  'rubric.builtin_invalid': {
    vi: 'Bộ tiêu chí có sẵn {file} có lỗi nên không được xét',
    en: 'The built-in rubric {file} has problems and was left out',
  },

  // Waivers
  'waivers.school_number': {
    vi: '"school" phải đặt trong dấu ngoặc kép, ví dụ school: "{value}", để giữ các số 0 ở đầu mã trường',
    en: '"school" must be in quotes, e.g. school: "{value}", so that leading zeros of the school code are kept',
  },
  'waivers.not_a_mapping': {
    vi: 'Tệp miễn trừ phải bắt đầu bằng dòng "waivers:" và tiếp theo là danh sách các miễn trừ',
    en: 'A waivers file must start with a "waivers:" line followed by the list of waivers',
  },

  // Rubric self-tests (`audit rubric test`)
  'rubric.example.criterion_mismatch': {
    vi: 'Tiêu chí {id}: chờ {expected}, được {actual}',
    en: 'Criterion {id}: expected {expected}, got {actual}',
  },
  'rubric.example.criterion_absent': {
    vi: 'Tiêu chí {id} không có trong kết quả',
    en: 'Criterion {id} is not in the result',
  },
  'rubric.example.status_mismatch': {
    vi: 'Kết quả chung: chờ {expected}, được {actual}',
    en: 'Overall status: expected {expected}, got {actual}',
  },
  'rubric.example.score_mismatch': { vi: 'Điểm: chờ {expected}, được {actual}', en: 'Score: expected {expected}, got {actual}' },
  'rubric.example.error': { vi: 'Không chạy được ví dụ: {detail}', en: 'The example could not run: {detail}' },
};

registerMessages(RUBRIC_MESSAGES);
