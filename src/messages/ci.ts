// What `audit ci github|gitlab` says, in vi and en: its --help, its usage errors, and every word of the
// workflow it writes (names of jobs, steps, folders and artifacts, the comments that explain the file,
// the lines its scripts print).
import { registerMessages, type Lang } from './format.js';

registerMessages({
  'ci.bad_shards': {
    vi: '--shards cần một số nguyên từ 1 đến 200 (số việc chạy song song), không phải "{value}"',
    en: '--shards takes a whole number from 1 to 200 (parallel jobs), not "{value}"',
  },
  'ci.bad_cron': {
    vi: '--cron cần 5 trường cron theo giờ UTC, chỉ gồm số và * / , - (ví dụ "17 1 * * 1": 8 giờ 17 sáng thứ Hai, giờ Việt Nam), không phải "{value}"',
    en: '--cron takes 5 cron fields in UTC, digits and * / , - only (e.g. "17 1 * * 1": Mondays 08:17 Vietnam time), not "{value}"',
  },
  'ci.bad_deadline': {
    vi: '--deadline cần hạn nộp báo cáo dạng yyyy-mm-dd (ví dụ 2025-05-31), không phải "{value}"',
    en: '--deadline takes the reporting deadline as yyyy-mm-dd (e.g. 2025-05-31), not "{value}"',
  },
  'ci.bad_path': {
    vi: '{option} "{value}": cần đường dẫn tương đối tính từ thư mục gốc của kho (ví dụ ho-so/ hoặc tieu-chi/huyen.yaml), không ra ngoài kho, không có ${{ hay xuống dòng',
    en: '{option} "{value}": give a path relative to the repository root (e.g. inventories/ or rubrics/district.yaml), not leaving it, without ${{ or line breaks',
  },
  'ci.bad_install': {
    vi: '--install cần một gói npm để cài (ví dụ git+https://…/audit.git#v0.1.0 hoặc tệp .tgz), không có ${{ hay xuống dòng',
    en: '--install takes an npm package spec (e.g. git+https://…/audit.git#v0.1.0 or a .tgz file), without ${{ or line breaks',
  },
  'ci.not_yaml': {
    vi: 'tệp quy trình phải có đuôi .yml hoặc .yaml, không phải "{file}" — ví dụ: -o {example}',
    en: 'the workflow file must end in .yml or .yaml, not "{file}" — for example: -o {example}',
  },
  'ci.exists': {
    vi: '{file} đã có — không ghi đè lên tệp có sẵn; hãy xóa tệp cũ (hoặc chọn tên khác) rồi chạy lại',
    en: '{file} already exists — it is never overwritten; delete the old file (or choose another name) and run again',
  },
  'ci.file_not_here': {
    vi: 'lưu ý: {option} {file} chưa có ở thư mục này — nhớ đưa tệp này vào kho, đúng đường dẫn đó',
    en: 'note: {option} {file} is not here — remember to commit that file to the repository at that path',
  },
  'ci.wrote': {
    vi: 'Đã ghi {file}. Tiếp theo: đặt tệp kiểm kê của các trường vào {dir}, rồi git add {file} {dir} && git commit -m "Kiểm tra hồ sơ CNTT" && git push',
    en: 'Wrote {file}. Next: put the schools\' workbooks in {dir}, then git add {file} {dir} && git commit -m "Audit the inventories" && git push',
  },
  'ci.github_place': {
    vi: 'lưu ý: GitHub chỉ chạy các tệp trong thư mục .github/workflows/ của kho — hãy đặt tệp ở đó',
    en: 'note: GitHub runs only the files in the repository\'s .github/workflows/ folder — put the file there',
  },
  'ci.gitlab_place': {
    vi: 'lưu ý: GitLab đọc tệp .gitlab-ci.yml ở thư mục gốc của kho, trừ khi Settings → CI/CD chỉ ra tệp khác',
    en: 'note: GitLab reads .gitlab-ci.yml at the repository root, unless Settings → CI/CD names another file',
  },
});

const HELP = {
  ci: {
    vi: 'in (hoặc ghi với -o) quy trình CI có sẵn cho kho hồ sơ của các trường: GitHub Actions hoặc GitLab CI',
    en: "print (or write with -o) a ready CI workflow for a repository of schools' workbooks: GitHub Actions or GitLab CI",
  },
  github: {
    vi: 'quy trình GitHub Actions (.github/workflows/audit.yml)',
    en: 'a GitHub Actions workflow (.github/workflows/audit.yml)',
  },
  gitlab: {
    vi: 'quy trình GitLab CI (.gitlab-ci.yml)',
    en: 'a GitLab CI pipeline (.gitlab-ci.yml)',
  },
  out: {
    vi: 'ghi vào tệp này (không bao giờ ghi đè); một thư mục: ghi audit.yml (GitHub) hoặc .gitlab-ci.yml (GitLab) vào đó',
    en: 'write to this file (never over an existing one); a folder: write audit.yml (GitHub) or .gitlab-ci.yml (GitLab) in it',
  },
  dir: {
    vi: 'thư mục chứa tệp kiểm kê của các trường trong kho (mặc định ho-so/)',
    en: "the folder of the schools' workbooks in the repository (default ho-so/)",
  },
  shards: {
    vi: 'chia việc chấm thành n việc song song (--shard i/n), rồi một việc gộp (--merge); mặc định 1',
    en: 'split the scoring into n parallel jobs (--shard i/n), then one merge job (--merge); default 1',
  },
  cron: {
    vi: 'lịch chạy, dạng cron theo giờ UTC (mặc định "17 1 * * 1": 8 giờ 17 sáng thứ Hai giờ Việt Nam)',
    en: 'the schedule, as cron in UTC (default "17 1 * * 1": Mondays 08:17 Vietnam time)',
  },
  deadline: {
    vi: 'hạn nộp báo cáo (yyyy-mm-dd): thêm lần chạy hằng ngày trong 14 ngày trước hạn',
    en: 'the reporting deadline (yyyy-mm-dd): adds a daily run in the 14 days before it',
  },
  allowFailing: {
    vi: 'thời gian thu hồ sơ: trường chưa đạt (mã 1) không làm lần chạy báo lỗi; tệp không đọc được (3) và sai tùy chọn (2) vẫn báo lỗi',
    en: 'collection phase: schools not passing (exit 1) do not fail the run; unreadable files (3) and usage errors (2) still do',
  },
  install: {
    vi: 'gói npm cài công cụ trên máy CI (mặc định: kho git của audit, đúng phiên bản đang chạy)',
    en: 'the npm package spec the CI installs the tool from (default: the audit git repository, at the version running now)',
  },
  after: {
    vi: [
      'Cũng dùng được: -r, --rubric <mã|tệp.yaml>, --mapping <tệp.yaml>,',
      '                --waivers <tệp.yaml>, --fail-under <điểm>, --lang <vi|en>',
      '                (đường dẫn tính từ gốc của kho; được truyền cho audit batch)',
      'Ví dụ:          audit ci github --rubric ben-tre-2782 \\',
      '                  -o .github/workflows/audit.yml',
      '                audit ci gitlab --shards 4 --deadline 2025-05-31 \\',
      '                  -o .gitlab-ci.yml',
      'Lần chạy báo lỗi theo mã trả về của audit batch: 1 có trường chưa đạt (trừ khi',
      '--allow-failing-schools), 2 sai tùy chọn hoặc bộ tiêu chí, 3 có tệp không đọc',
      'được. Hướng dẫn từng bước: examples/README.md.',
    ].join('\n'),
    en: [
      'Also:     -r, --rubric <id|file.yaml>, --mapping <file.yaml>,',
      '          --waivers <file.yaml>, --fail-under <score>, --lang <vi|en>, -q',
      '          (paths from the repository root; passed on to audit batch)',
      'Examples: audit ci github --rubric ben-tre-2782 --lang en \\',
      '            -o .github/workflows/audit.yml',
      '          audit ci gitlab --shards 4 --deadline 2025-05-31 \\',
      '            -o .gitlab-ci.yml',
      'The run fails as audit batch exits: 1 a school does not pass (unless',
      '--allow-failing-schools), 2 wrong usage or rubric, 3 a file cannot be read.',
      'Step by step: examples/README.md.',
    ].join('\n'),
  },
} satisfies Record<string, Record<Lang, string>>;

export const ciHelp = (key: keyof typeof HELP, lang: Lang): string => HELP[key][lang];

/** The words of a generated workflow. Folder, artifact and job ids are ASCII (CI platforms' rules). */
export interface CiWords {
  workflowName: string;
  outDir: string;
  checkDir: string;
  shardDir: string;
  artifactSummary: string;
  artifactSchools: string;
  artifactCheck: string;
  artifactShard: string;
  /** GitLab's expose_as: ASCII letters, digits, '-', '_' and spaces only. */
  exposeSummary: string;
  exposeCheck: string;
  jobCheckId: string;
  jobBatchId: string;
  jobShardId: string;
  jobMergeId: string;
  stageScore: string;
  stageMerge: string;
  jobCheck: string;
  jobBatch: string;
  jobShard: (i: string, n: number) => string;
  jobMerge: string;
  stepCheckout: string;
  stepNode: string;
  stepInstall: string;
  stepLibreOffice: string;
  stepBatch: (dir: string) => string;
  stepCheck: (dir: string) => string;
  stepCheckSummary: string;
  stepJunit: string;
  stepUploadSummary: string;
  stepUploadSchools: string;
  stepUploadAll: string;
  stepUploadCheck: string;
  stepUploadShard: string;
  stepDownload: string;
  stepMerge: string;
  /** Lines the scripts print. */
  noWorkbookChanged: (dir: string) => string;
  notFailingCollecting: string;
  notFailingReview: string;
  shardCodes: string;
  moreReports: (artifact: string) => string;
  libreOffice: string;
  /** The comment at the top of the file. */
  header: (h: HeaderFacts) => string[];
  scheduleComment: (crons: string[]) => string;
  gitlabSchedules: (crons: string[]) => string[];
}

export interface HeaderFacts {
  platform: 'github' | 'gitlab';
  version: string;
  regenerate: string;
  dir: string;
  outDir: string;
  shards: number;
  allowFailing: boolean;
  install: string;
}

const VI: CiWords = {
  workflowName: 'Kiểm tra hồ sơ CNTT',
  outDir: 'tong-hop/',
  checkDir: 'kiem-tra/',
  shardDir: 'phan/',
  artifactSummary: 'tong-hop',
  artifactSchools: 'bao-cao-tung-truong',
  artifactCheck: 'kiem-tra-truong',
  artifactShard: 'phan',
  exposeSummary: 'Bao cao tong hop',
  exposeCheck: 'Bao cao cua truong',
  jobCheckId: 'kiem-tra-truong',
  jobBatchId: 'tong-hop',
  jobShardId: 'cham',
  jobMergeId: 'tong-hop',
  stageScore: 'cham',
  stageMerge: 'tong-hop',
  jobCheck: 'Kiểm tra tệp của trường',
  jobBatch: 'Chấm và tổng hợp các trường',
  jobShard: (i, n) => `Chấm phần ${i}/${n}`,
  jobMerge: 'Gộp các phần thành bảng tổng hợp',
  stepCheckout: 'Lấy các tệp của kho',
  stepNode: 'Cài Node.js 20',
  stepInstall: 'Cài audit',
  stepLibreOffice: 'Cài LibreOffice nếu có tệp .xls hoặc .ods',
  stepBatch: (dir) => `Chấm mọi tệp kiểm kê trong ${dir}`,
  stepCheck: (dir) => `Chấm các tệp trong ${dir} mà yêu cầu này thêm hoặc sửa`,
  stepCheckSummary: 'Ghi báo cáo của trường vào trang tóm tắt',
  stepJunit: 'Chú thích các tiêu chí chưa đạt (junit.xml)',
  stepUploadSummary: 'Lưu bảng tổng hợp (summary.xlsx, .html, .md, .json, junit.xml)',
  stepUploadSchools: 'Lưu báo cáo từng trường',
  stepUploadAll: 'Lưu bảng tổng hợp và báo cáo từng trường',
  stepUploadCheck: 'Lưu báo cáo của trường',
  stepUploadShard: 'Lưu kết quả của phần này',
  stepDownload: 'Lấy kết quả các phần',
  stepMerge: 'Gộp các phần (audit batch --merge)',
  noWorkbookChanged: (dir) => `Yêu cầu này không thêm hay sửa tệp kiểm kê nào trong ${dir} — không có gì để chấm.`,
  notFailingCollecting: 'Có trường hoặc chỉ tiêu chung chưa đạt (mã 1) — đang thu hồ sơ (--allow-failing-schools) nên lần chạy không báo lỗi; xem bảng tổng hợp.',
  notFailingReview: 'Có trường hoặc chỉ tiêu chung chưa đạt (mã 1) — trong yêu cầu hợp nhất bảng tổng hợp chỉ để tham khảo; việc "Kiểm tra tệp của trường" mới quyết định.',
  shardCodes: 'Mã 1 (có trường chưa đạt) và 3 (có tệp không đọc được) vẫn ghi summary.json của phần này: việc gộp sẽ quyết định kết quả.',
  moreReports: (artifact) => `Còn báo cáo của các trường khác: tải mục ${artifact} trong Artifacts.`,
  libreOffice: 'Có tệp .xls/.ods: cài LibreOffice để chuyển sang .xlsx',
  header: (h) => [
    ` ${h.platform === 'github' ? 'GitHub Actions' : 'GitLab CI'}: kiểm tra hồ sơ ứng dụng CNTT của các trường bằng audit.`,
    ` Tệp này do \`audit ci ${h.platform}\` (audit ${h.version}) tạo ra. Tạo lại: ${h.regenerate}`,
    '',
    ` Cách dùng: đặt tệp kiểm kê (.xlsx) của các trường vào ${h.dir}, chép tệp này vào kho, rồi git push.`,
    ` Mỗi lần đẩy lên, mỗi yêu cầu hợp nhất và theo lịch, CI cài Node.js 20 và audit, chấm cả thư mục ${h.dir}`,
    h.shards > 1
      ? ` thành ${h.shards} phần song song (audit batch --shard i/${h.shards}) rồi gộp lại (audit batch --merge), và lưu:`
      : ' (audit batch), và lưu:',
    `   - bảng tổng hợp ${h.outDir}: summary.xlsx, summary.html, summary.md, summary.json, junit.xml;`,
    '   - báo cáo từng trường (.md, .json);',
    h.platform === 'github'
      ? '   - bảng tổng hợp hiện ở trang tóm tắt (Summary) của lần chạy; tiêu chí chưa đạt thành chú thích.'
      : '   - liên kết "Bao cao tong hop" trong yêu cầu hợp nhất; tiêu chí chưa đạt ở thẻ Tests.',
    ` Yêu cầu hợp nhất: chấm riêng các tệp trường gửi và ${h.platform === 'github' ? 'ghi báo cáo của trường vào trang tóm tắt' : 'in báo cáo của trường trong nhật ký, kèm liên kết "Bao cao cua truong"'};`,
    ' việc "kiem-tra-truong" báo lỗi khi tệp của trường chưa đạt hoặc không đọc được — chỉ hợp nhất khi nó đạt.',
    h.allowFailing
      ? ' Lần chạy báo lỗi khi audit batch trả mã 2 (sai tùy chọn, bộ tiêu chí) hoặc 3 (tệp không đọc được);'
      : ' Lần chạy báo lỗi khi audit batch trả mã 1 (có trường hoặc chỉ tiêu chung chưa đạt), 2 (sai tùy chọn,',
    h.allowFailing
      ? ' mã 1 (trường chưa đạt) chỉ là cảnh báo: đang thu hồ sơ (--allow-failing-schools).'
      : ' bộ tiêu chí) hoặc 3 (tệp không đọc được). Khi đang thu hồ sơ: tạo lại với --allow-failing-schools.',
    ` Công cụ được cài từ: ${h.install} (đổi bằng --install).`,
  ],
  scheduleComment: (crons) => `Lịch chạy theo giờ UTC (giờ Việt Nam = UTC + 7): ${crons.join('; ')}`,
  gitlabSchedules: (crons) => [
    ' Lịch chạy: GitLab không đọc lịch từ tệp này. Vào Build → Pipeline schedules → New schedule, nhánh chính,',
    ` múi giờ UTC, và tạo ${crons.length > 1 ? 'các lịch' : 'lịch'}: ${crons.join('; ')}`,
  ],
};

const EN: CiWords = {
  workflowName: 'School IT inventories',
  outDir: 'audit-summary/',
  checkDir: 'audit-check/',
  shardDir: 'shards/',
  artifactSummary: 'audit-summary',
  artifactSchools: 'school-reports',
  artifactCheck: 'school-check',
  artifactShard: 'shard',
  exposeSummary: 'District summary',
  exposeCheck: 'School report',
  jobCheckId: 'school-check',
  jobBatchId: 'summary',
  jobShardId: 'score',
  jobMergeId: 'summary',
  stageScore: 'score',
  stageMerge: 'summary',
  jobCheck: "Check the school's file",
  jobBatch: 'Score every school',
  jobShard: (i, n) => `Score share ${i}/${n}`,
  jobMerge: 'Merge the shares into one summary',
  stepCheckout: 'Check out the repository',
  stepNode: 'Set up Node.js 20',
  stepInstall: 'Install audit',
  stepLibreOffice: 'Install LibreOffice when there are .xls or .ods files',
  stepBatch: (dir) => `Score every workbook in ${dir}`,
  stepCheck: (dir) => `Score the workbooks in ${dir} this pull request adds or changes`,
  stepCheckSummary: "Write the school's report into the job summary",
  stepJunit: 'Annotate the criteria not met (junit.xml)',
  stepUploadSummary: 'Keep the summary (summary.xlsx, .html, .md, .json, junit.xml)',
  stepUploadSchools: 'Keep the school reports',
  stepUploadAll: "Keep the summary and every school's report",
  stepUploadCheck: "Keep the school's report",
  stepUploadShard: "Keep this share's results",
  stepDownload: "Fetch the shares' results",
  stepMerge: 'Merge the shares (audit batch --merge)',
  noWorkbookChanged: (dir) => `This pull request adds or changes no workbook in ${dir} — nothing to score.`,
  notFailingCollecting: 'A school or district criterion does not pass (exit 1) — collection phase (--allow-failing-schools), so the run does not fail; see the summary.',
  notFailingReview: 'A school or district criterion does not pass (exit 1) — in a pull request the district summary is for information; the "Check the school\'s file" job decides.',
  shardCodes: "Exits 1 (a school does not pass) and 3 (a file cannot be read) still write this share's summary.json: the merge decides.",
  moreReports: (artifact) => `More schools' reports: download ${artifact} under Artifacts.`,
  libreOffice: 'There are .xls/.ods files: installing LibreOffice to convert them to .xlsx',
  header: (h) => [
    ` ${h.platform === 'github' ? 'GitHub Actions' : 'GitLab CI'}: audit the schools' IT inventories with audit.`,
    ` Written by \`audit ci ${h.platform}\` (audit ${h.version}). To write it again: ${h.regenerate}`,
    '',
    ` How to use: put the schools' workbooks (.xlsx) in ${h.dir}, copy this file into the repository, git push.`,
    ` On every push, every ${h.platform === 'github' ? 'pull' : 'merge'} request and on schedule, CI installs Node.js 20 and audit, scores all of ${h.dir}`,
    h.shards > 1
      ? ` in ${h.shards} parallel shares (audit batch --shard i/${h.shards}), merges them (audit batch --merge), and keeps:`
      : ' (audit batch), and keeps:',
    `   - the summary in ${h.outDir}: summary.xlsx, summary.html, summary.md, summary.json, junit.xml;`,
    '   - every school\'s report (.md, .json);',
    h.platform === 'github'
      ? '   - the summary on the run\'s Summary page; the criteria not met as annotations.'
      : '   - a "District summary" link in merge requests; the criteria not met in the Tests tab.',
    ` ${h.platform === 'github' ? 'Pull' : 'Merge'} requests: the files a school sends are scored on their own, ${h.platform === 'github' ? "its report written into the job summary" : 'its report printed in the job log, with a "School report" link'};`,
    ' the "school-check" job fails when the school\'s file does not pass or cannot be read — merge only when it passes.',
    h.allowFailing
      ? ' The run fails when audit batch exits 2 (usage, rubric) or 3 (a file cannot be read);'
      : ' The run fails when audit batch exits 1 (a school or district criterion does not pass), 2 (usage,',
    h.allowFailing
      ? ' exit 1 (schools not passing) is only a warning: collection phase (--allow-failing-schools).'
      : ' rubric) or 3 (a file cannot be read). During the collection phase: write it again with --allow-failing-schools.',
    ` The tool is installed from: ${h.install} (change with --install).`,
  ],
  scheduleComment: (crons) => `Schedule in UTC (Vietnam time = UTC + 7): ${crons.join('; ')}`,
  gitlabSchedules: (crons) => [
    ' Schedule: GitLab does not read schedules from this file. Go to Build → Pipeline schedules → New schedule,',
    ` the default branch, timezone UTC, and add ${crons.length > 1 ? 'these' : 'this'}: ${crons.join('; ')}`,
  ],
};

export const ciWords = (lang: Lang): CiWords => (lang === 'en' ? EN : VI);
