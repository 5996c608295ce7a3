/** The COVID-19 custom workflow's own rules (workflows/custom/covid-support.ts): the list format and the support by days of leave. */
import { parseWorkers, supportFor } from '../../workflows/custom/covid-support';

test('reads the list line by line and sets the support by the days of leave', () => {
  expect(parseWorkers('001085004521; Nguyễn Văn An; 0108521473; 31\n\nsai\n092090011058;Vũ Đức Thắng;9209001158;15')).toEqual({
    workers: [
      { line: 1, citizenId: '001085004521', fullName: 'Nguyễn Văn An', insuranceCode: '0108521473', days: 31 },
      { line: 4, citizenId: '092090011058', fullName: 'Vũ Đức Thắng', insuranceCode: '9209001158', days: 15 },
    ],
    invalid: [3],
  });
  expect([supportFor(14), supportFor(15), supportFor(29), supportFor(30)]).toEqual([0, 1_855_000, 1_855_000, 3_710_000]);
});
