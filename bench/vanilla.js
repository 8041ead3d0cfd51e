// Hand-written baseline for the startup benchmark (bench/bench.mjs): renders the same
// intro screen as Tere for `?quiz=kontakti_loomine`, element by element, with the same
// classes, attributes and automation hooks (tests/README.md), and nothing else.
// The content is copied from questions/kontakti_loomine.toml and src/i18n.rs (et):
// keep it in step with them (bench.mjs warns when the two screens differ). The text
// is in the page, not fetched: the baseline is the least a page can do to show it.
// `data-launched` is Tere's mark that the host launch has run and the screen is
// usable; this page has no host to wait for, so it is launched at once.

const UI = {
  start: 'Alusta',
  questionsCount: '{n} küsimust',
  passMark: 'Läbimiseks on vaja {n}%',
  unknownQuiz: 'Sellist testi ei ole.',
};

const QUIZZES = {
  kontakti_loomine: {
    lang: 'et',
    title: 'Kontakti loomine',
    intro: 'Teenindusprotsessi esimene etapp: kuidas klienti märgata ja tervitada, kuidas väärtustada '
      + 'püsiklienti ning kuidas valida sobiv suhtlustasand – kas „teie“ või „sina“?',
    questions: 13,
    passMark: 80,
  },
};

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) e.setAttribute(name, value);
  e.append(...children);
  return e;
}

const fill = (template, n) => template.replace('{n}', String(n));

function intro(id, quiz) {
  const start = el('button', { type: 'button', 'data-action': 'start', class: 'primary' }, UI.start);
  start.addEventListener('click', () => {
    // The baseline only measures the first screen; starting shows an empty question.
    section.replaceWith(el('section', { class: 'question', 'data-quiz-id': id }));
  });
  const section = el('section', { 'data-quiz-id': id, class: 'intro' },
    el('div', { lang: quiz.lang },
      el('h1', { id: 'tere-heading', tabindex: '-1' }, quiz.title),
      el('p', {}, quiz.intro)),
    el('p', { class: 'facts' }, `${fill(UI.questionsCount, quiz.questions)} · ${fill(UI.passMark, quiz.passMark)}`),
    el('div', { class: 'actions' }, start));
  return section;
}

const id = new URLSearchParams(location.search).get('quiz') ?? 'kontakti_loomine';
const quiz = QUIZZES[id];
const notice = el('p', { role: 'status', hidden: 'hidden', class: 'host-notice' });
const root = el('div', { lang: 'et', class: 'tere', 'data-launched': '' }, notice);
if (quiz) {
  root.append(intro(id, quiz));
} else {
  notice.textContent = UI.unknownQuiz;
  notice.removeAttribute('hidden');
}
document.getElementById('tere').replaceChildren(root);
