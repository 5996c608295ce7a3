import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124000000Initial } from './Migration20261124000000Initial';
import { Migration20261124120000Catalogue } from './Migration20261124120000Catalogue';
import { Migration20261202000000DurableProjection } from './Migration20261202000000DurableProjection';
import { Migration20261203000000LegalClock } from './Migration20261203000000LegalClock';
import { Migration20261203020000Supervision } from './Migration20261203020000Supervision';
import { Migration20261203030000Reports } from './Migration20261203030000Reports';
import { Migration20261204010000LookupSecret } from './Migration20261204010000LookupSecret';
import { Migration20261205010000AuditChain } from './Migration20261205010000AuditChain';
import { Migration20261206010000ApiClients } from './Migration20261206010000ApiClients';
import { Migration20261207010000OfficialIdentity } from './Migration20261207010000OfficialIdentity';
import { Migration20261208040000Delivery } from './Migration20261208040000Delivery';
import { Migration20261208020000Attachments } from './Migration20261208020000Attachments';
import { Migration20261208010000Queues } from './Migration20261208010000Queues';
import { Migration20261208050000Language } from './Migration20261208050000Language';
import { Migration20261208060000PostIntake } from './Migration20261208060000PostIntake';
import { Migration20261208070000NameWords } from './Migration20261208070000NameWords';

/** Every migration, oldest first. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261124000000Initial', class: Migration20261124000000Initial },
  { name: 'Migration20261124120000Catalogue', class: Migration20261124120000Catalogue },
  { name: 'Migration20261202000000DurableProjection', class: Migration20261202000000DurableProjection },
  { name: 'Migration20261203000000LegalClock', class: Migration20261203000000LegalClock },
  { name: 'Migration20261203020000Supervision', class: Migration20261203020000Supervision },
  { name: 'Migration20261203030000Reports', class: Migration20261203030000Reports },
  { name: 'Migration20261204010000LookupSecret', class: Migration20261204010000LookupSecret },
  { name: 'Migration20261205010000AuditChain', class: Migration20261205010000AuditChain },
  { name: 'Migration20261206010000ApiClients', class: Migration20261206010000ApiClients },
  { name: 'Migration20261207010000OfficialIdentity', class: Migration20261207010000OfficialIdentity },
  { name: 'Migration20261208010000Queues', class: Migration20261208010000Queues },
  { name: 'Migration20261208020000Attachments', class: Migration20261208020000Attachments },
  { name: 'Migration20261208040000Delivery', class: Migration20261208040000Delivery },
  { name: 'Migration20261208050000Language', class: Migration20261208050000Language },
  { name: 'Migration20261208060000PostIntake', class: Migration20261208060000PostIntake },
  { name: 'Migration20261208070000NameWords', class: Migration20261208070000NameWords },
];
