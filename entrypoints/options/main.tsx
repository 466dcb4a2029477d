import { render } from 'preact';
import '../../components/theme.css';
import './style.css';
import { Options } from '../../components/Options.tsx';

const root = document.getElementById('app');
if (root) render(<Options />, root);
