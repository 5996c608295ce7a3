import { drivingLicenceRenewalV1 } from '../../procedures/driving-licence-renewal/v1';
import type { ProcedureInput } from '../../engine/definition';
import { validateDefinition, type DefinitionProblem } from '../../engine/validate';

type StepInput = ProcedureInput['steps'][number];
type Kind = StepInput['kind'];

/** A fresh copy of the driving-licence definition to break. */
function copy(): ProcedureInput {
  return structuredClone(drivingLicenceRenewalV1);
}

function indexOf(def: ProcedureInput, id: string): number {
  const i = def.steps.findIndex((s) => s.id === id);
  if (i < 0) throw new Error(`no step ${id}`);
  return i;
}

function stepOf<K extends Kind>(def: ProcedureInput, id: string, kind: K): Extract<StepInput, { kind: K }> {
  const step = def.steps[indexOf(def, id)];
  if (step.kind !== kind) throw new Error(`step ${id} is a ${step.kind}`);
  return step as Extract<StepInput, { kind: K }>;
}

function problemsAfter(breakIt: (def: ProcedureInput) => void): DefinitionProblem[] {
  const def = copy();
  breakIt(def);
  const result = validateDefinition(def);
  return result.ok ? [] : result.problems;
}

describe('checking a procedure definition', () => {
  test('accepts the driving-licence renewal as published', () => {
    const result = validateDefinition(copy());
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  test('fills in the defaults of the format when it accepts a definition', () => {
    const result = validateDefinition(copy());
    if (!result.ok) throw new Error('invalid');
    const fullName = result.definition.form.fields.find((f) => f.name === 'fullName')!;
    expect(fullName.required).toBe(true);
    expect(result.definition.documents[0].copies).toBe(1);
  });

  test('reports an action leading to a step that does not exist, at the action', () => {
    const def = copy();
    const intake = indexOf(def, 'intake');
    const problems = problemsAfter((d) => (stepOf(d, 'intake', 'task').actions[0].next = 'nowhere'));
    expect(problems).toContainEqual({ path: `steps[${intake}].actions[0].next`, message: 'step "nowhere" does not exist' });
  });

  test('reports the other references to missing steps: check, payment, supplement, start', () => {
    const def = copy();
    const problems = problemsAfter((d) => {
      stepOf(d, 'verify', 'check').onMismatch = 'gone-1';
      stepOf(d, 'payment', 'payment').onTimeout = 'gone-2';
      stepOf(d, 'supplement', 'supplement').next = 'gone-3';
      d.start = 'gone-4';
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: `steps[${indexOf(def, 'verify')}].onMismatch`, message: 'step "gone-1" does not exist' },
        { path: `steps[${indexOf(def, 'payment')}].onTimeout`, message: 'step "gone-2" does not exist' },
        { path: `steps[${indexOf(def, 'supplement')}].next`, message: 'step "gone-3" does not exist' },
        { path: 'start', message: 'step "gone-4" does not exist' },
      ]),
    );
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
    expect(problems).toEqual([{ path: `steps[${copy().steps.length}]`, message: 'step "archive" can never be reached' }]);
  });

  test('reports the steps cut off when the only way to them is removed', () => {
    const def = copy();
    const problems = problemsAfter((d) => (stepOf(d, 'intake', 'task').actions[1].next = 'intake'));
    expect(problems).toContainEqual({
      path: `steps[${indexOf(def, 'supplement')}]`,
      message: 'step "supplement" can never be reached',
    });
  });

  test('reports a step from which the dossier can never reach an end', () => {
    const def = copy();
    // The issue step loops on itself: a dossier entering it would never finish.
    const problems = problemsAfter((d) => (stepOf(d, 'issue', 'issue').next = 'issue'));
    expect(problems).toContainEqual({
      path: `steps[${indexOf(def, 'issue')}]`,
      message: 'step "issue" can never reach an end step',
    });
    expect(problems).toContainEqual({
      path: `steps[${indexOf(def, 'returned')}]`,
      message: 'step "returned" can never be reached',
    });
  });

  test('reports a definition without an end step', () => {
    const problems = problemsAfter((d) => {
      d.steps = d.steps.filter((s) => s.kind !== 'end');
    });
    expect(problems).toContainEqual({ path: 'steps', message: 'no end step' });
  });

  test('reports conditions and registry checks that read a form field that does not exist', () => {
    const def = copy();
    const healthDocument = def.documents.findIndex((d) => d.id === 'giay-kham-suc-khoe');
    const healthField = def.form.fields.findIndex((f) => f.name === 'healthCertificateNumber');
    const problems = problemsAfter((d) => {
      d.documents[healthDocument].requiredWhen = { field: 'vehicleClass', notIn: ['A1'] };
      d.form.fields[healthField].requiredWhen = { field: 'vehicleClass', notIn: ['A1'] };
      stepOf(d, 'verify', 'check').checks[0].input.citizenId = 'idNumber';
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: `documents[${healthDocument}].requiredWhen.field`, message: 'form field "vehicleClass" does not exist' },
        { path: `form.fields[${healthField}].requiredWhen.field`, message: 'form field "vehicleClass" does not exist' },
        {
          path: `steps[${indexOf(def, 'verify')}].checks[0].input.citizenId`,
          message: 'form field "idNumber" does not exist',
        },
      ]),
    );
  });

  test('reports applicant, province and editable fields that do not exist', () => {
    const problems = problemsAfter((d) => {
      d.form.applicant.emailField = 'mail';
      d.form.provinceField = 'tinh';
      stepOf(d, 'supplement', 'supplement').editableFields = ['fullName', 'photo'];
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'form.applicant.emailField', message: 'form field "mail" does not exist' },
        { path: 'form.provinceField', message: 'form field "tinh" does not exist' },
        { path: `steps[${indexOf(copy(), 'supplement')}].editableFields[1]`, message: 'form field "photo" does not exist' },
      ]),
    );
  });

  test('reports each notification template that is named but missing', () => {
    const def = copy();
    const problems = problemsAfter((d) => {
      delete d.notifications.accepted;
      delete d.notifications.result;
      delete d.notifications.submitted;
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: `steps[${indexOf(def, 'intake')}].actions[0].notify`, message: 'notification template "accepted" does not exist' },
        { path: `steps[${indexOf(def, 'returned')}].notify`, message: 'notification template "result" does not exist' },
        { path: 'submittedNotify', message: 'notification template "submitted" does not exist' },
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  test('reports step time shares that add up to more than the processing time', () => {
    const problems = problemsAfter((d) => (stepOf(d, 'review', 'task').workingDays = 4));
    expect(problems).toEqual([
      { path: 'steps', message: 'step time shares add up to 5.5 working days, more than the 5 allowed' },
    ]);
  });

  test('accepts time shares that use the whole processing time exactly', () => {
    expect(problemsAfter((d) => (stepOf(d, 'review', 'task').workingDays = 3.5))).toEqual([]);
  });

  test('reports a step id used twice, at the second use', () => {
    const def = copy();
    const cancelled = indexOf(def, 'cancelled-unpaid');
    const problems = problemsAfter((d) => (d.steps[cancelled].id = 'refused'));
    expect(problems).toContainEqual({ path: `steps[${cancelled}].id`, message: 'step id "refused" is used twice' });
  });

  test('reports an action id used twice in one step', () => {
    const def = copy();
    const problems = problemsAfter((d) => (stepOf(d, 'approval', 'task').actions[2].id = 'approve'));
    expect(problems).toEqual([{ path: `steps[${indexOf(def, 'approval')}].actions[2].id`, message: 'action "approve" is used twice' }]);
  });

  test('reports a payment step collecting a fee the procedure does not define', () => {
    const def = copy();
    const problems = problemsAfter((d) => stepOf(d, 'payment', 'payment').fees.push('phi-khac'));
    expect(problems).toEqual([{ path: `steps[${indexOf(def, 'payment')}].fees[1]`, message: 'fee "phi-khac" does not exist' }]);
  });

  test('reports form fields that cannot work: a select without choices, digits without a length, a shared name', () => {
    const def = copy();
    const licenceClass = def.form.fields.findIndex((f) => f.name === 'licenceClass');
    const licenceNumber = def.form.fields.findIndex((f) => f.name === 'licenceNumber');
    const problems = problemsAfter((d) => {
      delete d.form.fields[licenceClass].options;
      delete d.form.fields[licenceNumber].length;
      d.form.fields.push({ ...d.form.fields[0] });
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: `form.fields[${licenceClass}]`, message: 'a select field needs options or optionsFrom' },
        { path: `form.fields[${licenceNumber}]`, message: 'a digits field needs a length' },
        { path: 'form.fields', message: 'two fields share a name' },
      ]),
    );
  });

  test('reports a shape error at its path in the same notation as the other problems', () => {
    const def = copy();
    const review = indexOf(def, 'review');
    const problems = problemsAfter((d) => {
      (stepOf(d, 'review', 'task') as { role: string }).role = 'janitor';
    });
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe(`steps[${review}].role`);
  });

  test('reports an unknown portal status code as a shape error', () => {
    const def = copy();
    const problems = problemsAfter((d) => {
      (stepOf(d, 'review', 'task') as { status?: number }).status = 11;
    });
    expect(problems.map((p) => p.path)).toEqual([`steps[${indexOf(def, 'review')}].status`]);
  });

  test('refuses something that is not a definition at all', () => {
    const result = validateDefinition(null);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems[0].path).toBe('(root)');
  });
});
