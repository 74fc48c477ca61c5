/**
 * Lint fixture (lib/lint.test.ts): one HTML sink or dynamic-code call per marked line, all on
 * page-derived text. eslint's normal run ignores every __fixtures__ folder; the test lints this text
 * under a shipped-code path and expects every `// sink:` line to be reported.
 */
declare const reviewText: string;

const box = document.createElement('div');
box.innerHTML = reviewText; // sink: innerHTML
box.outerHTML = reviewText; // sink: outerHTML
box.insertAdjacentHTML('beforeend', reviewText); // sink: insertAdjacentHTML
document.write(reviewText); // sink: document.write
eval(reviewText); // sink: eval
export const run = new Function(reviewText); // sink: new Function
export const Review = () => <p dangerouslySetInnerHTML={{ __html: reviewText }} />; // sink: dangerouslySetInnerHTML
window.eval(reviewText); // sink: window.eval
(0, eval)(reviewText); // sink: indirect eval
export const run2 = Function(reviewText); // sink: Function()
box['innerHTML'] = reviewText; // sink: computed innerHTML
Object.assign(box, { innerHTML: reviewText }); // sink: Object.assign innerHTML
document.createRange().createContextualFragment(reviewText); // sink: createContextualFragment
document.createElement('iframe').srcdoc = reviewText; // sink: srcdoc
export const Frame = () => <iframe srcdoc={reviewText} />; // sink: JSX srcdoc

// The safe ways must stay allowed.
box.textContent = reviewText;
export const Safe = () => <p>{reviewText}</p>;
