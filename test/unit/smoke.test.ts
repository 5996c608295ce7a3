import { validateDefinition } from '../../procedures/validate';
import { drivingLicenceRenewalV1 } from '../../procedures/driving-licence-renewal/v1';

test('the driving-licence renewal definition is valid', () => {
  const result = validateDefinition(drivingLicenceRenewalV1);
  expect(result.ok ? [] : result.problems).toEqual([]);
});
