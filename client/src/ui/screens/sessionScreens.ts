/**
 * The screens of a session, loaded in one chunk once this tab joins one (or idly from Home): the
 * first screen carries only Home and "connecting", and none of the engine's rules, the panels or
 * the network library they need.
 */
import type { ScreenId } from '../../state/app.ts';
import type { ScreenFactory } from '../screen.ts';
import { briefingScreen } from './briefing.ts';
import { consoleScreen } from './console.ts';
import { debriefScreen } from './debrief.ts';
import { gameScreen } from './game.ts';
import { lobbyScreen } from './lobby.ts';
import { projectorScreen } from './projector.ts';

export const SESSION_SCREENS: Partial<Record<ScreenId, ScreenFactory>> = {
  lobby: lobbyScreen,
  briefing: briefingScreen,
  game: gameScreen,
  console: consoleScreen,
  debrief: debriefScreen,
  projector: projectorScreen,
};
