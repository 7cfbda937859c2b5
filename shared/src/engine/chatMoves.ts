/**
 * A structured move (chat.move) in words, in both languages, as its channel shows it: the
 * question, the package floated or the trade offered, with the clause cards' labels. The engine
 * writes these words into the chat line, so every reader (people, the transcript, the projector)
 * reads the move without knowing its shape; computer delegations read the move itself.
 */
import type { Localized } from '../scenario/schema.ts';
import type { ClauseSpace } from '../scenario/space.ts';
import type { ChatMove } from './events.ts';
import { describeClauses } from './transcript.ts';

function issueTitle(space: ClauseSpace, issue: string): Localized {
  const i = space.issueIndex.get(issue);
  return (i === undefined ? undefined : space.issues[i]?.title) ?? { en: issue, uk: issue };
}

export function describeMove(space: ClauseSpace, move: ChatMove): Localized {
  switch (move.kind) {
    case 'ask': {
      const title = issueTitle(space, move.issue);
      return {
        en: `What do you need on ${title.en}? What could you live with?`,
        uk: `Що вам потрібно в питанні «${title.uk}»? На що ви могли б погодитися?`,
      };
    }
    case 'float': {
      const clauses = describeClauses(space, move.package);
      return {
        en: `Would you accept this? ${clauses.en}`,
        uk: `Чи погодилися б ви на таке? ${clauses.uk}`,
      };
    }
    case 'trade': {
      const want = describeClauses(space, move.want);
      const offer = describeClauses(space, move.offer);
      return {
        en: `A trade: if you give ${want.en}, we give ${offer.en}.`,
        uk: `Обмін: якщо ви погодитеся на ${want.uk}, ми погодимося на ${offer.uk}.`,
      };
    }
  }
}
