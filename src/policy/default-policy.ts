/**
 * The policy a schema starts from when its application gives no baseline file of its own: what
 * each kind of caller sees of each data class, and no per-field overrides (those name the
 * application's fields). The reference domain's schema/policy.json is this plus two overrides.
 */
export const DEFAULT_POLICY = {
  description: "Warden's default baseline: what each kind of caller sees of each data class. Published versions in the database replace it.",
  classes: {
    public: { customer: 'allow', staff: 'allow', impersonation_read_only: 'allow', impersonation_read_write: 'allow', assistant: 'allow', assistant_session: 'allow' },
    internal: { customer: 'allow', staff: 'allow', impersonation_read_only: 'allow', impersonation_read_write: 'allow', assistant: 'allow', assistant_session: 'allow' },
    pii: { customer: 'allow', staff: 'allow', impersonation_read_only: 'mask', impersonation_read_write: 'mask', assistant: 'pseudonym', assistant_session: 'pseudonym' },
    sensitive: { customer: 'allow', staff: 'deny', impersonation_read_only: 'deny', impersonation_read_write: 'deny', assistant: 'deny', assistant_session: 'deny' },
    secret: { customer: 'mask', staff: 'deny', impersonation_read_only: 'mask', impersonation_read_write: 'mask', assistant: 'deny', assistant_session: 'deny' },
  },
  overrides: {},
  oncallMayImpersonate: false,
  assistantsMayOpenSessions: false,
  maxDelegationDepth: 1,
} as const;
