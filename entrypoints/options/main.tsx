import { render } from 'preact';

function Options() {
  return <main>Article Lens settings</main>;
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
