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
];
