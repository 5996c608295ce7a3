export { Agency, type IAgency } from './agency';
export { ApiClient, ApiClientSecret, type IApiClient, type IApiClientSecret } from './api-client';
export { Attachment, CounterIntake, CounterPayment, StagedUpload, type IAttachment, type ICounterIntake, type ICounterPayment, type IStagedUpload } from './attachment';
export { ResultHandover, type IResultHandover } from './result-handover';
export { AuditEvent } from './audit-event';
export { CalendarDay, type ICalendarDay } from './calendar-day';
export { CalendarYear, type ICalendarYear } from './calendar-year';
export { DossierDocument, type IDossierDocument } from './document';
export { Dossier, type IDossier } from './dossier';
export { DossierCodeCounter, IssuedNumber, NumberSequence } from './issued-number';
export { DELIVERY_STATUSES, type DeliveryStatus, Notification, type INotification } from './notification';
export { NotificationAttempt, type INotificationAttempt } from './notification-attempt';
export { Official, type IOfficial } from './official';
export { OfficialAbsence, type IOfficialAbsence } from './official-absence';
export { OfficialNotification, type IOfficialNotification } from './official-notification';
export { PaymentCallback } from './payment-callback';
export { Task, type ITask } from './task';
export { TimelineEvent, type ITimelineEvent } from './timeline-event';

import { Agency } from './agency';
import { ApiClient, ApiClientSecret } from './api-client';
import { Attachment, CounterIntake, CounterPayment, StagedUpload } from './attachment';
import { ResultHandover } from './result-handover';
import { AuditEvent } from './audit-event';
import { CalendarDay } from './calendar-day';
import { CalendarYear } from './calendar-year';
import { DossierDocument } from './document';
import { Dossier } from './dossier';
import { DossierCodeCounter, IssuedNumber, NumberSequence } from './issued-number';
import { Notification } from './notification';
import { NotificationAttempt } from './notification-attempt';
import { Official } from './official';
import { OfficialAbsence } from './official-absence';
import { OfficialNotification } from './official-notification';
import { PaymentCallback } from './payment-callback';
import { Task } from './task';
import { TimelineEvent } from './timeline-event';

export const ENTITIES = [
  Agency,
  ApiClient,
  ApiClientSecret,
  Attachment,
  AuditEvent,
  CalendarDay,
  CalendarYear,
  CounterIntake,
  CounterPayment,
  Dossier,
  DossierCodeCounter,
  DossierDocument,
  IssuedNumber,
  Notification,
  NotificationAttempt,
  NumberSequence,
  Official,
  OfficialAbsence,
  OfficialNotification,
  PaymentCallback,
  ResultHandover,
  StagedUpload,
  Task,
  TimelineEvent,
];
