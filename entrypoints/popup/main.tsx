import { render } from 'preact';
import '../../components/theme.css';
import './style.css';
import { Popup } from '../../components/Popup.tsx';

const root = document.getElementById('app');
if (root) render(<Popup />, root);
