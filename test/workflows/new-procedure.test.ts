/**
 * A policy team adds a procedure with one definition file and no change elsewhere: this test
 * writes a new procedure (never seen by the code base) into a folder of its own, and the
 * unchanged catalogue loader, checker, engine, web services and worker take a dossier of it
 * from submission to result.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Catalog } from '../../engine/catalog';
import { checkedDefinitions } from '../../config/catalogue';
import { runScenario } from '../support/procedure-scenario';
import { startStack, type Stack } from '../support/stack';

const NEW_DEFINITION = `
export const residenceConfirmation = {
  code: 'TEST-XNCT',
  version: 1,
  status: 'published',
  name: 'Xác nhận thông tin về cư trú',
  field: 'Đăng ký, quản lý cư trú',
  level: 'commune',
  agencyKind: 'commune',
  legalBasis: ['Luật Cư trú số 68/2020/QH14'],
  onlineLevel: 'full',
  processingDays: 1,
  fees: [],
  documents: [{ id: 'to-khai', name: 'Tờ khai thay đổi thông tin cư trú', template: 'Mẫu CT01' }],
  form: {
    communeField: 'commune',
    applicant: { nameField: 'fullName', citizenIdField: 'citizenId' },
    fields: [
      { name: 'fullName', label: 'Họ và tên', type: 'text' },
      { name: 'citizenId', label: 'Số căn cước', type: 'citizen-id' },
      { name: 'commune', label: 'Nơi cư trú', type: 'select', optionsFrom: 'communes' },
    ],
  },
  numberingSchemes: { 'xac-nhan': { pattern: '{seq:3}/XNCT-{commune}' } },
  start: 'intake',
  steps: [
    { id: 'intake', kind: 'task', name: 'Tiếp nhận và xác nhận', role: 'receiver', workingDays: 1,
      actions: [{ id: 'confirm', label: 'Xác nhận', next: 'issue', inputs: [{ name: 'address', label: 'Địa chỉ cư trú', type: 'text' }] }] },
    { id: 'issue', kind: 'issue', name: 'Cấp giấy xác nhận', next: 'done',
      document: { template: 'certificate', title: 'Giấy xác nhận thông tin về cư trú', numbering: 'xac-nhan',
        fields: [{ label: 'Họ và tên', value: '{{form.fullName}}' }, { label: 'Nơi thường trú', value: '{{inputs.address}}' }] } },
    { id: 'done', kind: 'end', name: 'Trả kết quả', outcome: 'completed', status: 10 },
  ],
  notifications: {},
};
`;

let stack: Stack;
let folder: string;
beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-new-procedure-'));
  fs.mkdirSync(path.join(folder, 'residence-confirmation'));
  fs.writeFileSync(path.join(folder, 'residence-confirmation', 'v1.ts'), NEW_DEFINITION);
  const added = checkedDefinitions(folder);
  if (added.problems.length) throw new Error(JSON.stringify(added.problems));
  stack = await startStack({ catalog: new Catalog([...checkedDefinitions().entries, ...added.entries]) });
});
afterAll(async () => {
  await stack?.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

test('a procedure defined in one new file runs from submission to its numbered result', async () => {
  const d = await runScenario(stack, {
    procedure: 'TEST-XNCT',
    form: { fullName: 'Đặng Thị Mai', citizenId: '001301020734', commune: '26743' },
    steps: [{ task: 'intake', as: 'benthanh.tiepnhan', action: 'confirm', inputs: { address: 'Số 5 đường Lê Lợi, phường Bến Thành' } }],
    expect: { status: 10, outcome: 'completed', fee: undefined, resultNumber: /^\d{3}\/XNCT-26743$/ },
  });
  expect(d.agency.code).toBe('UBNDX-26743');
  expect(d.inputs).toEqual({ address: 'Số 5 đường Lê Lợi, phường Bến Thành' });
});
