import type { ConsolePolicyQuery } from '../gql/graphql.js';

type FieldPolicy = ConsolePolicyQuery['policyFields'][number];

/** Every field under the policy in force, grouped by data class, with its mask and decisions. */
export function FieldInventory(props: { fields: FieldPolicy[] }) {
  const classes = [...new Set(props.fields.map((field) => field.classification))];
  return (
    <section aria-labelledby="inventory-heading">
      <h2 id="inventory-heading">Field inventory</h2>
      <p className="hint">What each kind of caller gets of each field under the policy in force: allow, mask or deny.</p>
      {classes.map((cls) => (
        <details key={cls} className="panel">
          <summary>
            Class <strong>{cls}</strong> ({props.fields.filter((field) => field.classification === cls).length} fields)
          </summary>
          <table>
            <caption className="visually-hidden">Fields of class {cls}</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Mask</th>
                <th scope="col">Customer</th>
                <th scope="col">Staff</th>
                <th scope="col">Session, read only</th>
                <th scope="col">Session, read-write</th>
              </tr>
            </thead>
            <tbody>
              {props.fields
                .filter((field) => field.classification === cls)
                .map((field) => (
                  <tr key={field.field}>
                    <th scope="row">{field.field}</th>
                    <td>{field.mask}</td>
                    <td>{field.customer}</td>
                    <td>{field.staff}</td>
                    <td>{field.impersonationReadOnly}</td>
                    <td>{field.impersonationReadWrite}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      ))}
    </section>
  );
}
