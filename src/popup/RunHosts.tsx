import type { RunPlan } from '../messages';

/**
 * Before Run: the hosts it will ask to reach, with why, so the browser's prompt is no surprise.
 * After a click, while the prompt is open: what the run is waiting for.
 */
export function RunHosts({ plan, asking }: { plan: RunPlan | undefined; asking: boolean }) {
  const missing = plan?.hosts.filter((host) => !host.held) ?? [];
  if (missing.length === 0) return null;
  return (
    <div class="run-hosts" data-testid="run-hosts">
      <p class={asking ? 'warning' : 'muted'}>
        {asking ? 'Waiting for your answer to the browser’s prompt: ' : 'Run will first ask to reach '}
        {missing.map((host) => host.host).join(', ')}
        {asking ? '. Nothing is sent to the provider before it.' : ', before any sign-in window.'}
      </p>
      <ul class="muted">
        {missing.map((host) => (
          <li key={host.permission}>{host.why}</li>
        ))}
      </ul>
      {!plan?.endpointsKnown && <p class="muted">Discovery could not be read yet: its host stands in for the endpoints it names.</p>}
    </div>
  );
}
