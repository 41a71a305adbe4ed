export { findPersonalData } from './find-personal-data';
export { PERSONAL_DATA_TYPES } from './personal-data.types';
export type { PartyKind, PersonalDataSpan, PersonalDataType, RedactionContext } from './personal-data.types';
export { isValidId15, isValidId18, idCheckCharacter } from './checks/id-number.check';
export { isValidUscc, isValidUsccStrict, usccCheckCharacter } from './checks/uscc.check';
export { passesLuhn } from './checks/luhn.check';
