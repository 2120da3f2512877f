// Words of the engine: one sentence per criterion status (CriterionResult.message) and the warnings
// of an audit (waivers). Status words and severities are report labels (src/messages/report.ts).
import { registerMessages, type Catalogue } from './format.js';

export const ENGINE_MESSAGES: Catalogue = {
  'criterion.pass': { vi: 'Đạt', en: 'Met' },
  'criterion.fail': { vi: 'Chưa đạt: {gap}', en: 'Not met: {gap}' },
  'criterion.fail_plain': { vi: 'Chưa đạt', en: 'Not met' },
  'criterion.target_not_met': { vi: 'Chưa đạt chỉ tiêu phấn đấu: {gap}', en: 'Target not met: {gap}' },
  'criterion.target_not_met_plain': { vi: 'Chưa đạt chỉ tiêu phấn đấu', en: 'Target not met' },
  'criterion.partial': { vi: 'Đạt một phần: {points}/{weight} điểm', en: 'Partly met: {points}/{weight} points' },
  'criterion.missing': { vi: 'Chưa đủ dữ liệu để đánh giá: {gap}', en: 'Not enough data to judge: {gap}' },
  'criterion.missing_plain': { vi: 'Chưa đủ dữ liệu để đánh giá', en: 'Not enough data to judge' },
  'criterion.not_applicable.levels': {
    vi: 'Không áp dụng: tiêu chí dành cho {levels|vocab:levels}',
    en: 'Not applicable: the criterion is for {levels|vocab:levels}',
  },
  'criterion.not_applicable.condition': {
    vi: 'Không áp dụng: điều kiện áp dụng ({rule}) không thỏa',
    en: 'Not applicable: its condition ({rule}) does not hold',
  },
  'criterion.not_applicable.condition_on': {
    vi: 'Không áp dụng: chỉ áp dụng khi {metric} {expected}',
    en: 'Not applicable: applies only when {metric} {expected}',
  },
  'criterion.not_applicable.check': { vi: 'Không áp dụng với trường này: {reason}', en: 'Not applicable to this school: {reason}' },
  'criterion.not_applicable': { vi: 'Không áp dụng với trường này', en: 'Not applicable to this school' },
  'criterion.waived': { vi: 'Được miễn trừ: {reason}', en: 'Waived: {reason}' },

  'waiver.expired': {
    vi: 'Miễn trừ cho tiêu chí {criterion} đã hết hạn ngày {expires}: tiêu chí được đánh giá bình thường',
    en: 'The waiver for criterion {criterion} expired on {expires}: the criterion is judged as usual',
  },
  'waiver.unknown_criterion': {
    vi: 'Miễn trừ nêu tiêu chí {criterion}, không có trong bộ tiêu chí {rubric}: kiểm tra lại mã tiêu chí',
    en: 'A waiver names criterion {criterion}, which rubric {rubric} does not have: check the criterion id',
  },
  'waiver.unknown_school': {
    vi: 'Miễn trừ cho trường {school} (tiêu chí {criterion}) không khớp trường nào trong đợt đánh giá: kiểm tra lại mã trường',
    en: 'The waiver for school {school} (criterion {criterion}) matches no school in the batch: check the school code',
  },
};

registerMessages(ENGINE_MESSAGES);
