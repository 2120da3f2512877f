// What the JUnit XML says beyond the report's own labels: the line a criterion that is not required
// (recommended, target) carries in <system-out> when it is not met — a passing test case, so that a school
// that passes never shows red in a CI dashboard.
import { registerMessages } from './format.js';

registerMessages({
  'junit.not_met_optional': {
    vi: '{severity} — {status}: {detail} (không làm trường không đạt)',
    en: '{severity} — {status}: {detail} (does not make the school fail)',
  },
  'junit.pass_rule': { vi: 'Kết quả chung của trường', en: 'The school\'s overall result' },
  'junit.pass_rule_failure': {
    vi: 'Không đạt theo quy tắc đạt của bộ tiêu chí (điểm {score}) dù mọi tiêu chí bắt buộc đều đạt',
    en: 'Fails the rubric\'s pass rule (score {score}) although every required criterion is met',
  },
});
