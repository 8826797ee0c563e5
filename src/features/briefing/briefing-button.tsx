/** The header button that opens the briefing sheet. */
import type { ReactElement } from 'react';
import type { Lang } from '../../lib/i18n';
import { b } from './strings';

/** Props of the briefing button. */
export interface BriefingButtonProps {
  readonly lang: Lang;
  readonly disabled: boolean;
  readonly onOpen: () => void;
}

/** A button labelled "Lembar briefing" / "Briefing sheet". */
export function BriefingButton(props: BriefingButtonProps): ReactElement {
  return (
    <button
      type="button"
      className="briefing-open"
      data-testid="briefing-open"
      title={b(props.lang, 'openHint')}
      disabled={props.disabled}
      aria-haspopup="dialog"
      onClick={props.onOpen}
    >
      {b(props.lang, 'open')}
    </button>
  );
}
