/** An error as the response gave it: its code and its (already cleaned) message. */
export interface RefusalFacts {
  code: string;
  message: string;
}

/**
 * What a refused request did wrong, as a clause an auditor can read after "was refused:": "it
 * asks for Account.nope, which does not exist". Built from graphql-js's and Warden's own
 * messages as they leave the gateway (`shownMessage`: no value echoed, no name suggested), so it
 * holds schema names and the names the caller wrote, never a value.
 *
 * graphql-js words its validation messages the same way across 16.x; a message this does not
 * know is kept as it was sent, which still says what happened.
 */
export function explainRefusal({ code, message }: RefusalFacts): string {
  for (const [pattern, explain] of CLAUSES) {
    const match = pattern.exec(message);
    if (match) return clipped(explain(match.slice(1)));
  }
  if (code === 'QUERY_TOO_COMPLEX') return clipped(`it goes over a limit (${lowerFirst(firstSentence(message))})`);
  if (code === 'GRAPHQL_PARSE_FAILED') return clipped(`its document is not valid GraphQL (${message.replace(/^Syntax Error: /, '')})`);
  return clipped(firstSentence(message));
}

type Clause = readonly [RegExp, (groups: string[]) => string];

const CLAUSES: readonly Clause[] = [
  [/^Cannot query field "([^"]+)" on type "([^"]+)"/, ([field, type]) => `it asks for ${type}.${field}, which does not exist`],
  [/^Unknown argument "([^"]+)" on field "([^"]+)"/, ([arg, field]) => `it gives ${field} an argument "${arg}", which ${field} does not take`],
  [/^Unknown argument "([^"]+)" on directive "([^"]+)"/, ([arg, directive]) => `it gives ${directive} an argument "${arg}", which it does not take`],
  [/^Field "([^"]+)" argument "([^"]+)" of type "[^"]+" is required/, ([field, arg]) => `it leaves out "${arg}", an argument ${field} requires`],
  [/^Field "([^"]+)" of required type "[^"]+" was not provided/, ([field]) => `it leaves out ${field}, an input field that is required`],
  [/^Field "([^"]+)" is not defined by type "([^"]+)"/, ([field, type]) => `it gives ${type} a field "${field}", which that input does not have`],
  [/^Field "([^"]+)" must not have a selection/, ([field]) => `it selects fields inside ${field}, which has none`],
  [/^Field "([^"]+)" of type "[^"]+" must have a selection/, ([field]) => `it asks for ${field} without choosing any of its fields`],
  [/^Unknown type "([^"]+)"/, ([type]) => `it names a type ${type}, which does not exist`],
  [/^Unknown directive "([^"]+)"/, ([directive]) => `it uses a directive ${directive}, which does not exist`],
  [/^Unknown fragment "([^"]+)"/, ([fragment]) => `it spreads a fragment ${fragment} it does not define`],
  [/^Variable "\$([^"]+)" got an invalid value/, ([name]) => `the variable $${name} does not fit its type`],
  [/^Variable "\$([^"]+)" of required type "[^"]+" was not provided/, ([name]) => `it leaves out the required variable $${name}`],
  [/^Variable "\$([^"]+)" of non-null type "[^"]+" must not be null/, ([name]) => `the variable $${name} is null where a value is required`],
  [/^Variable "\$([^"]+)" is not defined/, ([name]) => `it uses a variable $${name} it does not declare`],
  [/^Variable "\$([^"]+)" is never used/, ([name]) => `it declares a variable $${name} it never uses`],
  [/^Variable "\$([^"]+)" of type "[^"]+" used in position expecting/, ([name]) => `it passes the variable $${name} where another type is expected`],
  [/introspection has been disabled/, () => 'it asks for the schema itself (introspection), which is not served here'],
  [/(?:cannot represent|^Expected value of type)/, () => 'a value written in it does not fit its type (the value is not recorded)'],
  [/^GET requests and form or text\/plain posts must carry the "([^"]+)" header/, ([header]) => `it came without the ${header} header, which a page on another site cannot add`],
  [/^Send GraphQL requests as JSON/, () => 'it was not sent as JSON'],
  [/^Send GraphQL requests with POST/, () => 'it used an HTTP method other than GET or POST'],
  [/^Can only perform a mutation operation from a POST request/, () => 'it sent a mutation with GET'],
  [/^The request body is not valid JSON/, () => 'its body is not valid JSON'],
  [/^The request body is over (\d+) bytes/, ([limit]) => `its body is over the ${limit}-byte limit`],
  [/^The Content-Length header must be one whole number/, () => 'its Content-Length header is not one whole number'],
  [/^Batching is not supported/, () => 'it sent several operations as one batch'],
  [/^The alias "id" names ([^ ]+) here/, ([field]) => `it aliased ${field} as "id", which in front of an upstream names each object's own id`],
  [/^The Accept header allows no type/, () => 'its Accept header allows no type this gateway answers in'],
  [/^The "variables" and "extensions" parameters of a GET must be JSON/, () => 'its GET parameters are not valid JSON'],
];

/** A summary stays a line: names the caller wrote can be long. */
const MAX_CLAUSE = 200;

function clipped(clause: string): string {
  return clause.length <= MAX_CLAUSE ? clause : `${clause.slice(0, MAX_CLAUSE - 1)}…`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function firstSentence(message: string): string {
  const end = message.search(/\.(\s|$)/);
  return end < 0 ? message : message.slice(0, end);
}
