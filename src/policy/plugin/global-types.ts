import type { FieldNullability, InputFieldMap, InputShapeFromFields, SchemaTypes, TypeParam, InputType, FieldRequiredness } from '@pothos/core';
import type { DataClass, MaskName } from '../data-class.js';
import type { EffectDescriber, GrantDescriber } from './effect-text.js';
import type { WardenPolicyPlugin } from './index.js';
import type { Callers, FieldPlan, FiltersBy, MutationRisk, WardenPolicyPluginOptions } from './types.js';

// What the plugin leaves in the built schema, typed for whoever reads it (see types.ts).
declare module 'graphql' {
  interface GraphQLFieldExtensions<_TSource, _TContext, _TArgs> {
    warden?: FieldPlan;
    wardenRisk?: MutationRisk;
    wardenCallers?: Callers;
    /** Read back as a describer of coerced arguments: what execution hands the resolver. */
    wardenEffect?: EffectDescriber<Record<string, unknown>>;
    wardenReveals?: GrantDescriber;
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
      /**
       * For root fields (queries and mutations): who may call it at all. A root field without
       * one fails the build, and is refused to everyone where the build goes on (production).
       */
      callers?: Callers;
      /** How the value is shown when the policy says `mask`. Default: `redact` for strings, else `null`. */
      mask?: MaskName;
      /**
       * For mutations: what it takes to run during an impersonation session. Untagged counts as
       * `risky`. See `MutationRisk`.
       */
      risk?: MutationRisk;
      /**
       * For risky root mutations: what one call would do, in words built from its arguments and
       * its target as it is now, with each value tagged with the field whose policy shows it.
       * Managers read it before approving; the state it returns is hashed, and an approved call
       * whose target changed since is refused (`TARGET_CHANGED`). Without one, a request names
       * the mutation and its arguments as their `filtersBy` fields allow. See `EffectDescriber`.
       */
      effect?: EffectDescriber<InputShapeFromFields<Args>>;
      /**
       * For sensitive fields: whose values a field-access grant of this field would show in a
       * session, after the resolver's own rules ("Tom Baker's own birth date"). Without one, a
       * request says the grant shows the field wherever the session meets it. See `GrantDescriber`.
       */
      reveals?: GrantDescriber;
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
