import { isObjectType, type GraphQLSchema } from 'graphql';
import { listed, says, type EffectScope, type EffectText } from '../policy/plugin/effect-text.js';
import { REVEALS_EXTENSION } from '../policy/plugin/types.js';

/**
 * What a field-access grant would show, for the manager: whose values each field reveals, by its
 * own `reveals` describer (after the resolver's rules: a member's session sees the member's own
 * birth date, no colleague's), else the field wherever the session meets it. A grant is per field,
 * for the session, and lasts `grantMinutes` from the approval.
 */
export async function describeFieldGrant(schema: GraphQLSchema, coordinates: readonly string[], scope: EffectScope, grantMinutes: number): Promise<EffectText> {
  const revealed: EffectText[] = [];
  for (const coordinate of coordinates) {
    const [typeName = '', fieldName = ''] = coordinate.split('.');
    const type = schema.getType(typeName);
    const reveals = isObjectType(type) ? type.getFields()[fieldName]?.extensions[REVEALS_EXTENSION] : undefined;
    revealed.push(reveals ? await reveals(scope) : says`${coordinate} of everything the session shows`);
  }
  return says`see, for ${grantMinutes} minutes from the approval, ${listed(revealed)}`;
}
