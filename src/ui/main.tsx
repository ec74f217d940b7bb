import { render } from 'preact';
import { App } from './app.js';
// The diagram libraries' stylesheets, bundled once into app.css (the pages that draw diagrams
// load lazily; their CSS is small next to their code).
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import './styles.css';
import './tasks/tasks.css';
import './orders/orders.css';
import './intake/intake.css';
import './dashboard/dashboard.css';
import './admin/processes/processes.css';
import './admin/settings/settings.css';

render(<App />, document.getElementById('app')!);
