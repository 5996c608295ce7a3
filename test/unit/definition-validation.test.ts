import { drivingLicenceRenewalV1 } from '../../procedures/driving-licence-renewal/v1';
import type { ProcedureInput } from '../../engine/definition';
import { validateDefinition, type DefinitionProblem } from '../../engine/validate';
import { STATUS } from '../../domain/portal-status';
import { engineSample } from '../fixtures/engine-sample';

type StepInput = ProcedureInput['steps'][number];
type Kind = StepInput['kind'];

/** A fresh copy of the driving-licence definition to break. */
function copy(): ProcedureInput {
  return structuredClone(drivingLicenceRenewalV1);
}

function stepOf<K extends Kind>(def: ProcedureInput, id: string, kind: K): Extract<StepInput, { kind: K }> {
  const step = def.steps.find((s) => s.id === id);
  if (!step) throw new Error(`no step ${id}`);
  if (step.kind !== kind) throw new Error(`step ${id} is a ${step.kind}`);
  return step as Extract<StepInput, { kind: K }>;
}

function problemsOf(def: unknown): DefinitionProblem[] {
  const result = validateDefinition(def);
  return result.ok ? [] : result.problems;
}

function problemsAfter(breakIt: (def: ProcedureInput) => void, base: ProcedureInput = drivingLicenceRenewalV1): DefinitionProblem[] {
  const def = structuredClone(base);
  breakIt(def);
  return problemsOf(def);
}

/** Breaks the engine sample, which has every step kind and rule of the format. */
const sampleProblemsAfter = (breakIt: (def: ProcedureInput) => void) => problemsAfter(breakIt, engineSample);

const DRIVING_LICENCE_STEPS = 'intake, supplement, verify, payment, review, approval, issue, returned, refused, rejected, cancelled-unpaid';
const DRIVING_LICENCE_FIELDS =
  'fullName, citizenId, dateOfBirth, licenceNumber, licenceClass, renewalReason, healthCertificateNumber, healthCertificateDate, province, phone, email, address';

describe('checking a procedure definition', () => {
  test('accepts the driving-licence renewal as published', () => {
    expect(problemsOf(copy())).toEqual([]);
  });

  test('fills in the defaults of the format when it accepts a definition', () => {
    const result = validateDefinition(copy());
    if (!result.ok) throw new Error('invalid');
    const fullName = result.definition.form.fields.find((f) => f.name === 'fullName')!;
    expect(fullName.required).toBe(true);
    expect(result.definition.documents[0].copies).toBe(1);
  });

  test('reports an action leading to a step that does not exist, at the action, naming the steps', () => {
    const problems = problemsAfter((d) => (stepOf(d, 'intake', 'task').actions[0].next = 'nowhere'));
    expect(problems).toEqual([
      { path: 'steps.intake.actions.accept.next', message: `step "nowhere" does not exist (steps: ${DRIVING_LICENCE_STEPS})` },
    ]);
  });

  test('suggests the step a misspelt id most likely meant, and reports nothing else', () => {
    const problems = problemsAfter((d) => (stepOf(d, 'payment', 'payment').next = 'reveiw'));
    expect(problems).toEqual([
      { path: 'steps.payment.next', message: `step "reveiw" does not exist, did you mean "review"? (steps: ${DRIVING_LICENCE_STEPS})` },
    ]);
  });

  test('reports the other references to missing steps: check, payment, supplement, start', () => {
    const problems = problemsAfter((d) => {
      stepOf(d, 'verify', 'check').onMismatch = 'gone-1';
      stepOf(d, 'payment', 'payment').onTimeout = 'gone-2';
      stepOf(d, 'supplement', 'supplement').next = 'gone-3';
      d.start = 'gone-4';
    });
    const missing = (id: string) => `step "${id}" does not exist (steps: ${DRIVING_LICENCE_STEPS})`;
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'steps.verify.onMismatch', message: missing('gone-1') },
        { path: 'steps.payment.onTimeout', message: missing('gone-2') },
        { path: 'steps.supplement.next', message: missing('gone-3') },
        { path: 'start', message: missing('gone-4') },
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  test('reports a step that no path from the start reaches', () => {
    const problems = problemsAfter((d) =>
      d.steps.push({
        id: 'archive',
        kind: 'task',
        name: 'Lưu trữ',
        role: 'specialist',
        actions: [{ id: 'done', label: 'Xong', next: 'returned' }],
      }),
    );
    expect(problems).toEqual([{ path: 'steps.archive', message: 'step "archive" can never be reached' }]);
  });

  test('reports the steps cut off when the only way to them is removed', () => {
    const problems = problemsAfter((d) => (stepOf(d, 'intake', 'task').actions[1].next = 'intake'));
    expect(problems).toEqual([{ path: 'steps.supplement', message: 'step "supplement" can never be reached' }]);
  });

  test('reports a step from which the dossier can never reach an end', () => {
    // The issue step loops on itself: a dossier entering it would never finish.
    const problems = problemsAfter((d) => (stepOf(d, 'issue', 'issue').next = 'issue'));
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'steps.issue', message: 'step "issue" can never reach an end step' },
        { path: 'steps.returned', message: 'step "returned" can never be reached' },
      ]),
    );
  });

  test('reports a definition without an end step', () => {
    const problems = problemsAfter((d) => {
      d.steps = d.steps.filter((s) => s.kind !== 'end');
    });
    expect(problems).toContainEqual({ path: 'steps', message: 'no end step' });
  });

  test('reports conditions and registry checks that read a form field that does not exist, listing the fields', () => {
    const problems = problemsAfter((d) => {
      d.documents.find((doc) => doc.id === 'giay-kham-suc-khoe')!.requiredWhen = { field: 'vehicleClass', notIn: ['A1'] };
      d.form.fields.find((f) => f.name === 'healthCertificateNumber')!.requiredWhen = { field: 'vehicleClass', notIn: ['A1'] };
      stepOf(d, 'verify', 'check').checks[0].input.citizenId = 'idNumber';
    });
    const missing = (name: string) => `form field "${name}" does not exist (fields: ${DRIVING_LICENCE_FIELDS})`;
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'documents.giay-kham-suc-khoe.requiredWhen.field', message: missing('vehicleClass') },
        { path: 'form.fields.healthCertificateNumber.requiredWhen.field', message: missing('vehicleClass') },
        { path: 'steps.verify.checks.identity.input.citizenId', message: missing('idNumber') },
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  test('reports applicant, province and editable fields that do not exist', () => {
    const problems = problemsAfter((d) => {
      d.form.applicant.emailField = 'mail';
      d.form.provinceField = 'tinh';
      stepOf(d, 'supplement', 'supplement').editableFields = ['fullName', 'photo'];
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          path: 'form.applicant.emailField',
          message: `form field "mail" does not exist, did you mean "email"? (fields: ${DRIVING_LICENCE_FIELDS})`,
        },
        { path: 'form.provinceField', message: `form field "tinh" does not exist (fields: ${DRIVING_LICENCE_FIELDS})` },
        { path: 'steps.supplement.editableFields[1]', message: `form field "photo" does not exist (fields: ${DRIVING_LICENCE_FIELDS})` },
      ]),
    );
  });

  test('reports each notification template that is named but missing, listing the templates', () => {
    const problems = problemsAfter((d) => {
      delete d.notifications.accepted;
      delete d.notifications.result;
      delete d.notifications.submitted;
    });
    const templates = '(templates: supplement, payment, refused, rejected, cancelled-unpaid)';
    expect(problems).toEqual([
      { path: 'steps.intake.actions.accept.notify', message: `notification template "accepted" does not exist ${templates}` },
      { path: 'steps.returned.notify', message: `notification template "result" does not exist ${templates}` },
      { path: 'submittedNotify', message: `notification template "submitted" does not exist ${templates}` },
    ]);
  });

  test('reports step time shares that add up to more than the processing time', () => {
    const problems = problemsAfter((d) => (stepOf(d, 'review', 'task').workingDays = 4));
    expect(problems).toEqual([{ path: 'steps', message: 'step time shares add up to 6 working days, more than the 5 allowed' }]);
  });

  test('accepts time shares that use the whole processing time exactly', () => {
    expect(problemsAfter((d) => (stepOf(d, 'review', 'task').workingDays = 3))).toEqual([]);
  });

  test('counts the slowest branch of a parallel step in the time shares', () => {
    const problems = sampleProblemsAfter((d) => (stepOf(d, 'police-check', 'task').workingDays = 8));
    // intake 1 + slowest branch 8 + review 3 + approval 1: review is outside the parallel step.
    expect(problems).toEqual([{ path: 'steps', message: 'step time shares add up to 13 working days, more than the 10 allowed' }]);
  });

  test('reports a parallel branch that never arrives at its join, and a step that cannot run in a branch', () => {
    const problems = sampleProblemsAfter((d) => {
      stepOf(d, 'police-check', 'task').actions[0].next = 'done';
      stepOf(d, 'local-check', 'task').actions[0].next = 'extra-payment';
      d.steps.push({ id: 'extra-payment', kind: 'payment', name: 'Nộp thêm', fees: ['le-phi'], next: 'payment', onTimeout: 'cancelled' });
    });
    expect(problems).toEqual([
      { path: 'steps.consult.branches.police', message: 'branch "police" never reaches the join step "payment"' },
      { path: 'steps.consult.branches.local', message: 'a payment step ("extra-payment") cannot run inside a parallel branch' },
    ]);
  });

  test('reports a step id used twice', () => {
    const problems = problemsAfter((d) => (stepOf(d, 'rejected', 'end').id = 'refused'));
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'steps.refused.id', message: 'step id "refused" is used twice' },
        { path: 'steps.approval.actions.reject.next', message: expect.stringMatching(/^step "rejected" does not exist/) },
      ]),
    );
  });

  test('reports an action id used twice in one step', () => {
    const problems = problemsAfter((d) => (stepOf(d, 'approval', 'task').actions[2].id = 'approve'));
    expect(problems).toEqual([{ path: 'steps.approval.actions.approve.id', message: 'action "approve" is used twice in step "approval"' }]);
  });

  test('reports a payment step collecting a fee the procedure does not define', () => {
    const problems = problemsAfter((d) => stepOf(d, 'payment', 'payment').fees.push('phi-khac'));
    expect(problems).toEqual([{ path: 'steps.payment.fees[1]', message: 'fee "phi-khac" does not exist (fees: le-phi-cap-doi)' }]);
  });

  test('reports form fields that cannot work: a select without choices, digits without a length, a shared name', () => {
    const problems = problemsAfter((d) => {
      delete d.form.fields.find((f) => f.name === 'licenceClass')!.options;
      delete d.form.fields.find((f) => f.name === 'licenceNumber')!.length;
      d.form.fields.push({ ...d.form.fields[0] });
    });
    expect(problems).toEqual([
      { path: 'form.fields.licenceNumber', message: 'a digits field needs a length' },
      { path: 'form.fields.licenceClass', message: 'a select field needs options or optionsFrom' },
      { path: 'form.fields', message: 'two fields are named "fullName"' },
    ]);
  });

  test('reports a field attribute that its type ignores', () => {
    const problems = problemsAfter((d) => {
      Object.assign(d.form.fields.find((f) => f.name === 'licenceClass')!, { min: 1 });
      Object.assign(d.form.fields.find((f) => f.name === 'email')!, { maxLength: 80 });
    });
    expect(problems).toEqual([
      { path: 'form.fields.licenceClass.min', message: 'min applies to number fields, and "licenceClass" is a select field' },
      { path: 'form.fields.email.maxLength', message: 'maxLength applies to text and textarea fields, and "email" is a email field' },
    ]);
  });

  test('reports an unknown role at the step, naming the roles', () => {
    const problems = problemsAfter((d) => {
      (stepOf(d, 'review', 'task') as { role: string }).role = 'janitor';
    });
    expect(problems).toEqual([
      { path: 'steps.review.role', message: 'role "janitor" is not known (known: receiver, specialist, leader)' },
    ]);
  });

  test('reports an unknown portal status, naming the STATUS constants', () => {
    const problems = problemsAfter((d) => {
      (stepOf(d, 'review', 'task') as { status?: number }).status = 11;
    });
    expect(problems).toEqual([
      {
        path: 'steps.review.status',
        message: expect.stringContaining('a national-portal status: STATUS.<name> from domain/portal-status.ts (REGISTERED 1, ACCEPTED 2,'),
      },
    ]);
  });

  test('accepts portal statuses written as STATUS constants or as the numbers older definitions hold', () => {
    expect(problemsAfter((d) => (stepOf(d, 'review', 'task').status = STATUS.IN_PROGRESS))).toEqual([]);
    expect(problemsAfter((d) => (stepOf(d, 'review', 'task').status = 4))).toEqual([]);
  });

  test('refuses something that is not a definition at all', () => {
    const result = validateDefinition(null);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems[0].path).toBe('(root)');
  });
});

describe('condition values must be options of the field they test', () => {
  const CATEGORY = '(options: thuong, sinh-vien, nguoi-co-cong)';

  test('refuses an exemption for a value the select field does not offer, listing the options', () => {
    const problems = sampleProblemsAfter((d) => (d.fees[0].exemptions = [{ when: { field: 'category', in: ['nguoi-co-cong', 'thuong-binh'] }, label: 'x' }]));
    expect(problems).toEqual([
      { path: 'fees.le-phi.exemptions[0].when.in[1]', message: `"thuong-binh" is not an option of the field "category" ${CATEGORY}` },
    ]);
  });

  test('refuses such a value in fee cases, requiredWhen, branch cases and processing rules', () => {
    const problems = sampleProblemsAfter((d) => {
      d.fees[0].cases![0].when = { field: 'category', in: ['hoc-sinh'] };
      d.documents[0].requiredWhen = { field: 'livedAbroad', notIn: ['yes'] };
      stepOf(d, 'route', 'branch').cases[0].when = { all: [{ field: 'livedAbroad', in: ['Có'] }] };
      d.processingRules![0].when = { not: { field: 'livedAbroad', in: ['1'] } };
    });
    const yesNo = '(options: co, khong)';
    expect(problems).toEqual([
      { path: 'processingRules[0].when.not.in[0]', message: `"1" is not an option of the field "livedAbroad" ${yesNo}` },
      { path: 'documents.to-khai.requiredWhen.notIn[0]', message: `"yes" is not an option of the field "livedAbroad" ${yesNo}` },
      { path: 'fees.le-phi.cases[0].when.in[0]', message: `"hoc-sinh" is not an option of the field "category" ${CATEGORY}` },
      { path: 'steps.route.cases[0].when.all[0].in[0]', message: `"Có" is not an option of the field "livedAbroad" ${yesNo}` },
    ]);
  });

  test('refuses a fee rate for a province code that does not exist, naming where the codes come from', () => {
    const problems = sampleProblemsAfter((d) => {
      d.form.fields.push({ name: 'value', label: 'Giá trị', type: 'number' });
      d.fees.push({ id: 'phi-them', label: 'Phí', percent: { ofField: 'value', rates: [{ when: { field: 'province', in: ['HN'] }, rate: 1 }] } });
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'fees.phi-them.percent.rates[0].when.in[0]' });
    expect(problems[0].message).toMatch(/^"HN" is not an option of the field "province" \(province codes of domain\/provinces\.ts: 01, /);
  });

  test('accepts the empty answer, which a condition may test', () => {
    expect(sampleProblemsAfter((d) => (d.documents[0].requiredWhen = { field: 'category', notIn: [''] }))).toEqual([]);
  });

  test('refuses min or max on a field that is not a number', () => {
    const problems = sampleProblemsAfter((d) => (d.processingRules![0].when = { field: 'category', min: 2 }));
    expect(problems).toEqual([{ path: 'processingRules[0].when.min', message: 'min compares numbers, but "category" is a select field' }]);
  });

  test('accepts min and max on a number field', () => {
    expect(sampleProblemsAfter((d) => (d.processingRules![0].when = { field: 'copies', min: 2, max: 4 }))).toEqual([]);
  });
});

describe('day counts are whole working days', () => {
  const WHOLE = 'a whole number of working days (working hours come with the next release)';

  test('refuses a fractional step share, processing time or rule', () => {
    const problems = sampleProblemsAfter((d) => {
      d.processingDays = 2.5;
      d.processingRules![0].days = 0.5;
      stepOf(d, 'intake', 'task').workingDays = 0.5;
    });
    expect(problems).toEqual([
      { path: 'processingDays', message: WHOLE },
      { path: 'processingRules[0].days', message: WHOLE },
      { path: 'steps.intake.workingDays', message: WHOLE },
    ]);
  });
});

describe('every problem in one pass', () => {
  test('a shape error does not hide the problems of the rest of the definition', () => {
    const problems = problemsAfter((d) => {
      (stepOf(d, 'review', 'task') as { role: string }).role = 'janitor';
      d.agencyKind = 'police';
      delete d.notifications.result;
      stepOf(d, 'verify', 'check').checks[0].input.citizenId = 'idNumber';
    });
    expect(problems.map((p) => p.path)).toEqual([
      'steps.review.role',
      'agencyKind',
      'steps.verify.checks.identity.input.citizenId',
      'steps.returned.notify',
    ]);
  });

  test('names the known values: agency kinds, check kinds, numbering schemes, step kinds, keys', () => {
    const problems = problemsAfter((d) => {
      d.agencyKind = 'police';
      (stepOf(d, 'verify', 'check').checks[1] as { check: string }).check = 'licence.record';
      stepOf(d, 'issue', 'issue').document.numbering = 'gplx';
      (d.steps.find((s) => s.id === 'rejected') as { kind: string }).kind = 'stop';
      Object.assign(stepOf(d, 'supplement', 'supplement'), { editable: ['fullName'] });
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'agencyKind', message: expect.stringMatching(/^agency kind "police" is not known \(agency kinds: driving-licence, police-records, justice,/) },
        { path: 'steps.verify.checks.licence.check', message: expect.stringMatching(/^check "licence.record" is not known \(known: population.identity, driving-licence.record,/) },
        { path: 'steps.issue.document.numbering', message: 'numbering scheme "gplx" does not exist (schemes: driving-licence (built-in))' },
        { path: 'steps.rejected.kind', message: 'kind "stop" is not known (known: task, check, branch, parallel, payment, supplement, issue, custom, end)' },
        { path: 'steps.supplement', message: expect.stringMatching(/^unknown key "editable" \(known: id, name, status, notify, kind, next, editableFields, pausesClock\)/) },
      ]),
    );
    // The step whose kind is unknown is still a step: references to it are not reported again.
    expect(problems).toHaveLength(5);
  });

  test('a step whose shape is wrong still leads where it says: nothing behind it is reported unreachable', () => {
    const problems = problemsAfter((d) => {
      (stepOf(d, 'review', 'task') as { workingDays?: unknown }).workingDays = 'ba';
    });
    expect(problems).toEqual([{ path: 'steps.review.workingDays', message: 'expected a number, got "ba"' }]);
  });

  test('a step whose exits are broken does not make the steps behind it unreachable', () => {
    const problems = problemsAfter((d) => {
      delete (stepOf(d, 'payment', 'payment') as { next?: string }).next;
    });
    expect(problems).toEqual([{ path: 'steps.payment.next', message: 'missing (a text)' }]);
  });

  test('refuses a key the format does not know instead of dropping it', () => {
    const problems = problemsAfter((d) => Object.assign(d.form.fields[0], { requiredwhen: { field: 'email', in: ['x'] } }));
    expect(problems).toEqual([
      {
        path: 'form.fields.fullName',
        message: expect.stringMatching(/^unknown key "requiredwhen" \(known: name, label, type, required, requiredWhen,/),
      },
    ]);
  });

  test('a malformed condition says what is wrong with it', () => {
    const problems = problemsAfter((d) => {
      d.documents[1].requiredWhen = { field: 'licenceClass', notin: ['A1'] } as never;
    });
    expect(problems).toEqual([
      { path: 'documents.giay-kham-suc-khoe.requiredWhen', message: 'unknown key "notin" (known: field, in, notIn, min, max)' },
    ]);
  });
});
