import type { FieldNullability, InputFieldMap, SchemaTypes, TypeParam, InputType, FieldRequiredness } from '@pothos/core';
import type { DataClass, MaskName } from '../data-class.js';
import type { WardenPolicyPlugin } from './index.js';
import type { FieldPlan, FiltersBy, MutationRisk, WardenPolicyPluginOptions } from './types.js';

// What the plugin leaves in the built schema, typed for whoever reads it (see types.ts).
declare module 'graphql' {
  interface GraphQLFieldExtensions<_TSource, _TContext, _TArgs> {
    warden?: FieldPlan;
    wardenRisk?: MutationRisk;
  }
  interface GraphQLArgumentExtensions {
    wardenFiltersBy?: FiltersBy;
  }
  interface GraphQLInputFieldExtensions {
    wardenFiltersBy?: FiltersBy;
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      wardenPolicy: WardenPolicyPlugin<Types>;
    }

    export interface SchemaBuilderOptions<Types extends SchemaTypes> {
      wardenPolicy: WardenPolicyPluginOptions<Types['Context']>;
    }

    export interface FieldOptions<
      Types extends SchemaTypes,
      ParentShape,
      Type extends TypeParam<Types>,
      Nullable extends FieldNullability<Type>,
      Args extends InputFieldMap,
      ResolveShape,
      ResolveReturnShape,
    > {
      /** The field's data class; a field without one is hidden (treated as `secret`). */
      classification?: DataClass;
      /** How the value is shown when the policy says `mask`. Default: `redact` for strings, else `null`. */
      mask?: MaskName;
      /**
       * For mutations: what it takes to run during an impersonation session. Untagged counts as
       * `risky`. See `MutationRisk`.
       */
      risk?: MutationRisk;
    }

    export interface InputFieldOptions<
      Types extends SchemaTypes,
      Type extends InputType<Types> | [InputType<Types>],
      Req extends FieldRequiredness<Type>,
    > {
      /**
       * What this argument or input field reads: the output field it filters, searches or sorts by
       * (`'User.email'`), one per enum value, or `false` for none. Required on every scalar and
       * enum input; where the caller may not see that field in full, using the input is refused.
       */
      filtersBy?: FiltersBy;
    }
  }
}
