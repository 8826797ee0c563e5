import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_OVERLAYS, type Overlays } from '../../state/view-state';
import { LayerPanel, moveLayer, toggleLayer } from './layer-panel';

const two: Overlays = { ...DEFAULT_OVERLAYS, layers: [{ id: 'kb', opacity: 50 }, { id: 'upgrading', opacity: 100 }] };

describe('layer order and toggles', () => {
  it('moves a layer up and down within bounds', () => {
    expect(moveLayer(two, 'kb', 1).layers.map((l) => l.id)).toEqual(['upgrading', 'kb']);
    expect(moveLayer(two, 'kb', -1)).toBe(two);
    expect(moveLayer(two, 'upgrading', 1)).toBe(two);
  });

  it('adds a layer on top at full opacity and removes it again', () => {
    const on = toggleLayer(two, 'gap');
    expect(on.layers.at(-1)).toEqual({ id: 'gap', opacity: 100 });
    expect(toggleLayer(on, 'gap')).toEqual(two);
  });
});

describe('LayerPanel', () => {
  it('lists visible layers top first with their controls, and reports changes', () => {
    const onChange = vi.fn();
    render(<LayerPanel lang="en" overlays={two} onChange={onChange} years={[2021, 2022]} combinations={null} areaName="DKI Jakarta" minCell={10} loading={false} error={null} />);
    const rows = screen.getAllByTestId(/^overlay-row-/).map((r) => r.dataset['testid']);
    expect(rows.slice(0, 2)).toEqual(['overlay-row-upgrading', 'overlay-row-kb']);
    expect(rows).toHaveLength(9);
    expect(screen.getByTestId<HTMLInputElement>('overlay-opacity-kb').value).toBe('50');
    fireEvent.click(screen.getByRole('button', { name: 'Move KB: couples and coverage up' }));
    expect(onChange).toHaveBeenLastCalledWith(moveLayer(two, 'kb', 1));
    fireEvent.change(screen.getByTestId('overlay-year'), { target: { value: '2021' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...two, upgradingYear: 2021 });
    fireEvent.click(screen.getByTestId('overlay-toggle-validation'));
    expect(onChange).toHaveBeenLastCalledWith(toggleLayer(two, 'validation'));
  });

  it('shows desil-1 program combinations with hidden counts named as such', () => {
    const conv: Overlays = { ...DEFAULT_OVERLAYS, layers: [{ id: 'convergence', opacity: 100 }] };
    render(
      <LayerPanel
        lang="en"
        overlays={conv}
        onChange={() => undefined}
        years={[]}
        combinations={[
          { programs: ['kb', 'klj'], households: 40, suppressed: false },
          { programs: [], households: 12, suppressed: false },
          { programs: null, households: null, suppressed: true },
        ]}
        areaName="Gambir"
        minCell={10}
        loading={false}
        error={null}
      />,
    );
    const table = screen.getByTestId('convergence-combos');
    expect(table.textContent).toContain('Gambir');
    const cells = [...table.querySelectorAll('tbody tr')].map((tr) => tr.textContent);
    expect(cells).toEqual([
      'Family planning (KB) + Jakarta Elderly Card (KLJ)40',
      'no program12',
      'other (small combinations merged)hidden (< 10 households)',
    ]);
  });
});
