import { graphql } from '../gql/index.js';

/**
 * The reference domain's risky actions, as a customer or an agent in a session sends them; the
 * impersonation and gateway suites share them.
 */

export const RiskyChangeEmail = graphql(`
  mutation RiskyChangeEmail($userId: ID!, $email: String!) {
    changeUserEmail(userId: $userId, email: $email) {
      id
      email
    }
  }
`);

export const RiskySendLoginReset = graphql(`
  mutation RiskySendLoginReset($userId: ID!) {
    sendLoginReset(userId: $userId) {
      id
      loginResetSentAt
    }
  }
`);

export const RiskyChangePlan = graphql(`
  mutation RiskyChangePlan($plan: Plan!) {
    changePlan(plan: $plan) {
      id
      plan
      planStatus
    }
  }
`);

export const RiskyCancelPlan = graphql(`
  mutation RiskyCancelPlan {
    cancelPlan {
      id
      plan
      planStatus
    }
  }
`);

export const RiskyRevokeToken = graphql(`
  mutation RiskyRevokeToken($tokenId: ID!) {
    revokeApiToken(tokenId: $tokenId) {
      id
      state
      revokedAt
    }
  }
`);

export const RiskyDeleteNote = graphql(`
  mutation RiskyDeleteNote($noteId: ID!) {
    deletePrivateNote(noteId: $noteId) {
      id
    }
  }
`);
