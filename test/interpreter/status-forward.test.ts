/**
 * The status never goes back: a dossier accepted once and sent back to intake (a registry that
 * contradicts the form) reads "Đang xử lý" (4), not "Mới đăng ký" (1), in the workflow's state
 * and in every status the read model was given after acceptance.
 */
import { STATUS } from '../../domain/portal-status';
import { type Interpreter, official, shipped, startInterpreter } from './harness';

let interpreter: Interpreter;
beforeAll(async () => {
  interpreter = await startInterpreter();
});
afterAll(() => interpreter?.stop());

const renewal = {
  fullName: 'Nguyễn Văn An',
  citizenId: '001085012345',
  dateOfBirth: '1985-03-12',
  licenceNumber: '010123456789',
  licenceClass: 'B',
  renewalReason: 'het-han',
  healthCertificateNumber: '1520/GKSK-BVĐK',
  healthCertificateDate: '2026-11-02',
  province: '01',
  deliveryMethod: 'tai-quay',
  phone: '0912345678',
  email: 'an@example.vn',
};

test('an accepted dossier back at intake after a failed check is in progress, never new again', async () => {
  const dossier = await interpreter.start(shipped('GPLX-DOI', 2), renewal, { registry: { 'driving-licence.record': 'mismatch' } });
  const first = await dossier.task('intake');
  expect((await dossier.state()).status).toBe(STATUS.REGISTERED);
  await dossier.complete('intake', 'accept', official('receiver'));

  const state = await dossier.reaches((s) => s.openTasks.some((t) => t.stepId === 'intake' && t.id !== first.id), 'intake again');
  expect(state.status).toBe(STATUS.IN_PROGRESS);
  expect(state.stepId).toBe('intake');
});
