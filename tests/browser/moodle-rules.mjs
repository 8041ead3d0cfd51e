// Moodle's SCORM value rules (mod/scorm/datamodels, quoted as facts), stricter than
// scorm-again in places. `violations(version, calls)` lists every SetValue that
// Moodle would reject, every call that returned "false", and any call after Terminate.
const R12 = {
  timespan: /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/,
  time: /^([0-2]{1}[0-9]{1}):([0-5]{1}[0-9]{1}):([0-5]{1}[0-9]{1})(\.[0-9]{1,2})?$/,
  decimal: /^-?([0-9]{0,3})(\.[0-9]{1,2})?$/,
  identifier: /^[\u0021-\u007E]{0,255}$/,
  result: /^correct$|^wrong$|^unanticipated$|^neutral$|^([0-9]{0,3})?(\.[0-9]{1,2})?$/,
  status: /^passed$|^completed$|^failed$|^incomplete$|^browsed$/,
  status2: /^passed$|^completed$|^failed$|^incomplete$|^browsed$|^not attempted$/,
  exit: /^time-out$|^suspend$|^logout$|^$/,
  type: /^true-false$|^choice$|^fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$/,
  string255: /^[\s\S]{0,255}$/,
  string4096: /^[\s\S]{0,4096}$/,
};
const R2004 = {
  timespan: /^P(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/,
  time: /^(19[7-9]{1}[0-9]{1}|20[0-2]{1}[0-9]{1}|203[0-8]{1})((-(0[1-9]{1}|1[0-2]{1}))((-(0[1-9]{1}|[1-2]{1}[0-9]{1}|3[0-1]{1}))(T([0-1]{1}[0-9]{1}|2[0-3]{1})((:[0-5]{1}[0-9]{1})((:[0-5]{1}[0-9]{1})((\.[0-9]{1,2})((Z|([+|-]([0-1]{1}[0-9]{1}|2[0-3]{1})))(:[0-5]{1}[0-9]{1})?)?)?)?)?)?)?)?$/,
  decimal: /^-?([0-9]{0,3})(\.[0-9]{1,7})?$/,
  identifier: /^\w{1,4000}$/,
  longIdentifier: /^(?:(?!urn:)\S{1,4000}|urn:[A-Za-z0-9-]{1,31}:\S{1,4000})$/,
  result: /^(correct|incorrect|unanticipated|neutral|-?([0-9]{1,4})(\.[0-9]{1,18})?)$/,
  completion: /^completed$|^incomplete$|^not attempted$|^unknown$/,
  success: /^passed$|^failed$|^unknown$/,
  exit: /^time-out$|^suspend$|^logout$|^normal$|^$/,
  type: /^true-false$|^choice$|^fill-in$|^long-fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$|^other$/,
  langString250: /^(\{lang=([a-zA-Z]{2,3}|i|x)(-[a-zA-Z0-9-]{2,8})?\})?([^{].{0,250}$)?/,
  responseId: /^[A-Za-z0-9_.]+$/,
  string64000: /^[\s\S]{0,64000}$/,
  string1000: /^[\s\S]{0,1000}$/,
  string4000: /^[\s\S]{0,4000}$/,
};

function rule12(element) {
  if (/^cmi\.interactions\.\d+\.latency$/.test(element) || element === 'cmi.core.session_time') return R12.timespan;
  if (/^cmi\.interactions\.\d+\.time$/.test(element)) return R12.time;
  if (/^cmi\.interactions\.\d+\.result$/.test(element)) return R12.result;
  if (/^cmi\.interactions\.\d+\.id$/.test(element)) return R12.identifier;
  if (/^cmi\.interactions\.\d+\.type$/.test(element)) return R12.type;
  if (/^cmi\.interactions\.\d+\.weighting$/.test(element) || /^cmi\.core\.score\./.test(element)) return R12.decimal;
  if (/^cmi\.interactions\.\d+\.(student_response|correct_responses\.\d+\.pattern)$/.test(element)) return R12.string255;
  if (element === 'cmi.core.lesson_status') return R12.status;
  if (/^cmi\.objectives\.\d+\.id$/.test(element)) return R12.identifier;
  if (/^cmi\.objectives\.\d+\.score\.(raw|min|max)$/.test(element)) return R12.decimal;
  if (/^cmi\.objectives\.\d+\.status$/.test(element)) return R12.status2;
  if (element === 'cmi.core.exit') return R12.exit;
  if (element === 'cmi.core.lesson_location') return R12.string255;
  if (element === 'cmi.suspend_data') return R12.string4096;
  return null;
}

function rule2004(element) {
  if (/^cmi\.interactions\.\d+\.latency$/.test(element) || element === 'cmi.session_time') return R2004.timespan;
  if (/^cmi\.interactions\.\d+\.timestamp$/.test(element)) return R2004.time;
  if (/^cmi\.interactions\.\d+\.result$/.test(element)) return R2004.result;
  if (/^cmi\.interactions\.\d+\.id$/.test(element)) return R2004.identifier;
  if (/^cmi\.interactions\.\d+\.type$/.test(element)) return R2004.type;
  if (/^cmi\.interactions\.\d+\.description$/.test(element)) return R2004.langString250;
  if (/^cmi\.interactions\.\d+\.weighting$/.test(element) || /^cmi\.score\./.test(element) || element === 'cmi.progress_measure') return R2004.decimal;
  if (element === 'cmi.completion_status' || /^cmi\.objectives\.\d+\.completion_status$/.test(element)) return R2004.completion;
  if (/^cmi\.objectives\.\d+\.success_status$/.test(element)) return R2004.success;
  if (/^cmi\.objectives\.\d+\.id$/.test(element)) return R2004.longIdentifier;
  if (/^cmi\.objectives\.\d+\.(score\.(scaled|raw|min|max)|progress_measure)$/.test(element)) return R2004.decimal;
  if (/^cmi\.objectives\.\d+\.description$/.test(element)) return R2004.langString250;
  if (element === 'cmi.success_status') return R2004.success;
  if (element === 'cmi.exit') return R2004.exit;
  if (element === 'cmi.suspend_data') return R2004.string64000;
  if (element === 'cmi.location') return R2004.string1000;
  if (/^cmi\.interactions\.\d+\.(learner_response|correct_responses\.\d+\.pattern)$/.test(element)) return R2004.string4000;
  return null;
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
    const rule = version === '12' ? rule12(element) : rule2004(element);
    if (!rule) problems.push(`no Moodle rule known for ${element}: add it to moodle-rules.mjs`);
    if (rule && !rule.test(value)) problems.push(`Moodle rejects ${element} = ${JSON.stringify(value)}`);
    if (version === '12' && element === 'cmi.core.exit' && value === 'normal') problems.push('1.2 exit must never be "normal"');
    const response = element.match(/^cmi\.interactions\.(\d+)\.(learner_response|correct_responses\.\d+\.pattern)$/);
    if (version === '2004' && response && ['choice', 'sequencing', 'matching'].includes(types[response[1]])) {
      for (const id of responseIds2004(value)) if (!R2004.responseId.test(id)) problems.push(`identifier ${JSON.stringify(id)} in ${element}`);
    }
  }
  return problems;
}
