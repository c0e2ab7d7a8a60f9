// Evaluates a batch of IAM requests with @cloud-copilot/iam-simulate, for the differential test of
// the twin's evaluator. Reads a JSON array of cases from the file named by argv[2]; each case is
// {identityPolicies:[doc], resourcePolicy:doc|null, principal, action, resource, context}. Writes a
// JSON array of answers: "Allowed", "ExplicitlyDenied", "ImplicitlyDenied", or "error: MESSAGE".
const fs = require('fs');
const { runSimulation } = require('@cloud-copilot/iam-simulate');

async function main() {
  const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const answers = [];
  for (const c of cases) {
    const simulation = {
      request: {
        principal: c.principal,
        action: c.action,
        resource: { resource: c.resource, accountId: c.resourceAccount || '123456789012' },
        contextVariables: c.context || {}
      },
      identityPolicies: c.identityPolicies.map((policy, i) => ({ name: 'p' + i, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: c.resourcePolicy || undefined
    };
    const result = await runSimulation(simulation, { simulationMode: 'Strict' });
    answers.push(result.resultType === 'error' ? 'error: ' + JSON.stringify(result.errors) : result.overallResult);
  }
  process.stdout.write(JSON.stringify(answers));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e));
  process.exit(1);
});
