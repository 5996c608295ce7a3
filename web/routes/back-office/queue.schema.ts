/** Claiming a task from the queue: the dossier, the task, the request id. */
import { formWith, requestIdField, requiredText, token } from '../../validation';

export const claimFromQueueBody = formWith({
  code: requiredText('mã hồ sơ', 60),
  taskId: token('mã nhiệm vụ'),
  requestId: requestIdField,
});
