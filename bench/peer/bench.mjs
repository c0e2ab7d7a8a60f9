// Runs the bench's machines on aws-local-stepfunctions, in this process, warmed up like the Java side,
// and prints one JSON line per benchmark: executions measured, the median execution's seconds, the process's CPU time
// per execution (its helper threads included, as the Java side counts its collector and compiler), and the bytes
// allocated per execution.
// Usage: node bench.mjs WARM_UP_SECONDS MEASURED_SECONDS DEFINITIONS_DIR
// aws-local-stepfunctions 3.0.0 has no JSONata, so only the JSONPath machines run here.
import { StateMachine } from 'aws-local-stepfunctions';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';

const [warmUp, measure, definitions] = [Number(process.argv[2] ?? 3), Number(process.argv[3] ?? 5), process.argv[4]];
const machine = (file) => new StateMachine(JSON.parse(readFileSync(join(definitions, file), 'utf8')),
  { validationOptions: { checkPaths: false, checkArn: false } });

function require(holds, scenario, message, output) {
  if (!holds) throw new Error(`${scenario}: ${message}; output: ${JSON.stringify(output)}`);
}

const counterLoop = {
  name: 'counter-loop-jsonpath',
  machine: machine('counter-loop-jsonpath.asl.json'),
  async run() {
    const output = await this.machine.run({ counter: 0, target: 10_000 }).result;
    require(output.counter === 10_000, this.name, 'the counter did not end at 10,000', output);
  },
};

const items = Array.from({ length: 1_000 }, (_, id) => ({ id }));
const inlineMap = {
  name: 'inline-map-jsonpath',
  machine: machine('inline-map-jsonpath.asl.json'),
  async run() {
    const output = await this.machine.run({ items }).result;
    require(output.length === 1_000 && output[999].double === 1_998 && output[999].tag === 'seen', this.name,
      'the items did not come out doubled and tagged', output.at?.(-1));
  },
};

// The same stub functions as PipelineFunctions.java, as lambda:invoke answers: the green service is not yet
// stable on its first attempt; the deployment turns STABLE on its third poll.
const invoked = (payload) => ({ ExecutedVersion: '$LATEST', Payload: payload, StatusCode: 200 });
const deployment = (polls) => ({ deploymentId: 'ecs-svc/1234567890', polls, status: polls >= 3 ? 'STABLE' : 'IN_PROGRESS' });
function pipelineHandlers() {
  let greenAttempts = 0;
  return {
    'Validate request': async (e) => invoked({ valid: true, service: e.Payload.service }),
    'Register task definition': async () => invoked({ taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/orders:42' }),
    'Create green service': async () => {
      // 3.0.0's context object has no State.RetryCount: the attempt is counted here instead.
      if (greenAttempts++ === 0) {
        const error = new Error('the green service has no running tasks yet');
        error.name = 'Greenlight.NotYetStable';
        throw error;
      }
      return invoked({ service: 'orders-green', attempt: greenAttempts - 1 });
    },
    'Start deployment': async () => invoked(deployment(0)),
    'Poll deployment': async (e) => invoked(deployment(e.Payload.polls + 1)),
    'Run smoke tests': async () => invoked({ passed: 12, failed: 0 }),
    'Record smoke results': async (e) => invoked({ recorded: true, passed: e.Payload.passed }),
    'Check alarms': async () => invoked({ inAlarm: [] }),
    'Check metrics': async (e) => invoked({ healthy: e.Payload.inAlarm.length === 0 }),
    'Shift traffic': async () => invoked({ greenWeight: 100 }),
    'Drain blue': async () => invoked({ drained: true }),
    Notify: async () => invoked({ sent: true }),
    'Roll back': async () => invoked({ rolledBack: true }),
  };
}
const pipeline = {
  name: 'deployment-pipeline-jsonpath',
  machine: machine('deployment-pipeline-jsonpath.asl.json'),
  async run() {
    const output = await this.machine.run(
      { request: { service: 'orders', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1.4.2' } },
      {
        overrides: {
          taskResourceLocalHandlers: pipelineHandlers(),
          waitTimeOverrides: { 'Wait before polling': 0 },
          retryIntervalOverrides: Object.fromEntries(['Create green service'].map((s) => [s, 0])),
        },
        context: { State: { RetryCount: 0 } },
      }).result;
    require(output.green?.value?.attempt === 1 && output.deployment?.polls === 3 && output.verification?.[0]?.recorded
      && output.verification?.[1]?.healthy && output.notified?.value?.sent, this.name, 'the pipeline did not run through', output);
  },
};

/** Bytes allocated on the heap while fn runs: what the heap grew by, plus what each collection freed. */
async function allocated(fn) {
  const profiler = new v8.GCProfiler();
  const start = v8.getHeapStatistics().used_heap_size;
  profiler.start();
  await fn();
  const end = v8.getHeapStatistics().used_heap_size;
  const freed = profiler.stop().statistics.reduce(
    (sum, gc) => sum + gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize, 0);
  return end - start + freed;
}

for (const scenario of [counterLoop, inlineMap, pipeline]) {
  const warmUntil = performance.now() + warmUp * 1e3;
  do await scenario.run(); while (performance.now() < warmUntil);
  const times = [];
  let millis = 0;
  const cpuBefore = process.cpuUsage();
  const bytes = await allocated(async () => {
    while (times.length < 3 || millis < measure * 1e3) {
      const start = performance.now();
      await scenario.run();
      times.push(performance.now() - start);
      millis += times.at(-1);
    }
  });
  const cpu = process.cpuUsage(cpuBefore);
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ benchmark: scenario.name, executions: times.length,
    medianSeconds: times[Math.floor(times.length / 2)] / 1e3,
    cpuNanosPerExecution: Math.round((cpu.user + cpu.system) * 1e3 / times.length), bytesPerExecution: Math.round(bytes / times.length) }));
}
