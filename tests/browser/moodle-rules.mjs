// Moodle's SCORM value rules, stricter than scorm-again in places. They are written
// once, in Rust (engine/src/moodle_rules.rs), and exported by `cargo xtask browser`
// to target/tere-test/moodle-rules.json. `violations(version, calls)` lists every
// SetValue that Moodle would reject (or that no rule names), every call that returned
// "false", and any call after Terminate.
import fs from 'node:fs';

const EXPORTED = JSON.parse(fs.readFileSync(process.env.TERE_MOODLE_RULES ?? 'target/tere-test/moodle-rules.json', 'utf8'));
const RULES = EXPORTED.rules.map((r) => ({ version: r.version, element: new RegExp(r.element), value: new RegExp(r.value), maxChars: r.maxChars }));
/** Identifiers inside 2004 choice, sequencing and matching responses. */
const RESPONSE_ID_2004 = new RegExp(EXPORTED.responseId2004);

/** The rule for `element`, or undefined when Tere must not write it. */
function ruleFor(version, element) {
  return RULES.find((r) => r.version === version && r.element.test(element));
}

/** Identifiers inside 2004 choice / sequencing / matching responses. */
function responseIds2004(value) {
  return value.split('[,]').flatMap((p) => p.split('[.]'));
}

export function violations(version, calls) {
  const problems = [];
  const types = {};
  for (const call of calls) {
    if (call.afterTerminate) problems.push(`${call.method} called after Terminate`);
    if (call.result === 'false') problems.push(`${call.method}(${call.args.join(', ')}) returned false (error ${call.error})`);
    if (!/SetValue$/.test(call.method)) continue;
    const [element, value] = call.args;
    const type = element.match(/^cmi\.interactions\.(\d+)\.type$/);
    if (type) types[type[1]] = value;
    const rule = ruleFor(version, element);
    if (!rule) problems.push(`no Moodle rule known for ${element}: add it to engine/src/moodle_rules.rs`);
    if (rule && (!rule.value.test(value) || [...value].length > rule.maxChars)) problems.push(`Moodle rejects ${element} = ${JSON.stringify(value)}`);
    if (version === '12' && element === 'cmi.core.exit' && value === 'normal') problems.push('1.2 exit must never be "normal"');
    const response = element.match(/^cmi\.interactions\.(\d+)\.(learner_response|correct_responses\.\d+\.pattern)$/);
    if (version === '2004' && response && ['choice', 'sequencing', 'matching'].includes(types[response[1]])) {
      for (const id of responseIds2004(value)) if (!RESPONSE_ID_2004.test(id)) problems.push(`identifier ${JSON.stringify(id)} in ${element}`);
    }
  }
  return problems;
}
