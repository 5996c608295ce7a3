/** An official's language, kept on the official so that every sign-in brings it back. */
import { Official } from '../../db/entities';
import type { Orm } from '../../db/orm';
import type { Language } from '../i18n';

export class LanguagePreferences {
  constructor(private readonly orm: Orm) {}

  /** Records the official's choice; false when no active official has this id (removed meanwhile). */
  async choose(officialId: number, language: Language): Promise<boolean> {
    const changed = await this.orm.em.fork().nativeUpdate(Official, { id: officialId, active: true }, { language });
    return changed > 0;
  }
}
