import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import type { StoryLabels } from './session-story.js';

/**
 * Names for a session's story, from the schema served: a field is named by its description
 * when that is a short phrase ("Phone number"), else by its name in words (`birthDate` →
 * "birth date"); a type by its name in words (`PaymentMethod` → "payment method").
 */
export function schemaLabels(schema: GraphQLSchema): StoryLabels {
  return {
    field(typeField) {
      const [typeName = '', fieldName = typeField] = typeField.split('.');
      const type = schema.getType(typeName);
      const description = type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[fieldName]?.description?.trim() : undefined;
      if (description && isShortPhrase(description)) return description.charAt(0).toLowerCase() + description.slice(1);
      return inWords(fieldName);
    },
    objects(typeName, count) {
      const noun = inWords(typeName);
      return count === 1 ? `the ${noun}` : `${count} ${plural(noun)}`;
    },
  };
}

/** A label, not a sentence: a few words, no closing punctuation ("Newest first." is not one). */
function isShortPhrase(text: string): boolean {
  return text.split(/\s+/).length <= 4 && !/[.:;!?]$/.test(text);
}

/** Words a person writes in capitals: "API token", not "api token". */
const ACRONYMS = /\b(api|id|mfa|url)\b/g;

/** `birthDate` → "birth date", `PaymentMethod` → "payment method", `ApiToken` → "API token". */
function inWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(ACRONYMS, (word) => word.toUpperCase());
}

function plural(noun: string): string {
  if (noun.endsWith('s')) return noun;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}
