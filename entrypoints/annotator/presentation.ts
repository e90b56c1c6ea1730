/**
 * Presentation mode, for a classroom projector: the article's key names (engine/key-names.ts: the people it
 * quotes, its laws, the agencies and states central to it; at most twelve) or every name, one at a time —
 * each once, at its first mention, in reading order — the mention marked (by the card's own layer) and its
 * note in large type beside the column, or across the part of the screen the sentence is not in, so the
 * mention's line and the lines around it stay readable (placement.ts, placeNote); then the story's timeline
 * as a step of its own. Left/right arrows, Space and Page keys move; up/down scroll a long note; T jumps to
 * the timeline; Esc leaves and puts the window back where it was.
 */
import { h } from 'preact';
import type { Entity, Event } from '@/data/schema';
import { PresentationNote, PresentationTimeline } from '@/components/PresentationNote';
import type { Translate } from '@/components/translate';
import type { Lang } from '@/data/schema';
import { isQuoted, keyNames, type NameUse } from '@/engine/key-names';
import { visualView, type CardHost } from './card-host';
import type { InputHub } from './input-hub';
import { Lifetime } from './lifetime';
import type { Mark } from './marks';
import { noteLayout, textAround } from './note-layout';
import { besideRoom, MARGIN, NOTE_BESIDE_MIN } from './placement';
import { revealInWindow } from './reveal';

type Step = { kind: 'entity'; mark: Mark } | { kind: 'timeline' };

/** Which names to step through: the key names (the default) or every name the article gives. */
export type PresentNames = 'key' | 'all';

export interface PresentationDeps {
  card: CardHost;
  /** Keys, heard before the page's listeners. */
  hub: InputHub;
  /** The first mark of each entity, in reading order (the steps are chosen among them). */
  firsts(): Mark[];
  /** Every mark, in reading order (how often the article names each, and where). */
  marks(): readonly Mark[];
  record(id: string): Promise<Entity | undefined>;
  events(): Promise<Event[]>;
  lang: Lang;
  t(): Translate;
  published(): string | null;
  today(): string;
  rectsOf(range: Range): { left: number; top: number; width: number; height: number }[];
  onExit(): void;
}

const NEXT = new Set(['ArrowRight', 'PageDown', ' ', 'n', 'N', 'Enter']);
const PREVIOUS = new Set(['ArrowLeft', 'PageUp', 'p', 'P', 'Backspace']);
/** Up and down scroll a note too long for the screen (the timeline step, a long title history). */
const SCROLL: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };

export class Presentation {
  private steps: Step[] = [];
  private at = 0;
  private life: Lifetime | null = null;
  private back: { x: number; y: number; focus: Element | null } | null = null;

  constructor(private readonly deps: PresentationDeps) {}

  get active(): boolean {
    return this.life !== null;
  }

  /** The mention the current step shows (none on the timeline step). */
  get current(): Mark | undefined {
    const step = this.steps[this.at];
    return this.life && step?.kind === 'entity' ? step.mark : undefined;
  }

  get position(): { step: number; steps: number } {
    return { step: this.at + 1, steps: this.steps.length };
  }

  async start(step = 0, names: PresentNames = 'key'): Promise<void> {
    const firsts = names === 'all' ? this.deps.firsts() : await this.keyFirsts();
    this.steps = [...firsts.map((mark): Step => ({ kind: 'entity', mark })), { kind: 'timeline' }];
    if (!this.life) {
      this.back = { x: scrollX, y: scrollY, focus: document.activeElement };
      this.life = new Lifetime();
      this.life.onEnd(this.deps.hub.on('keydown', (e) => this.key(e)));
    }
    await this.show(Math.max(0, Math.min(step, this.steps.length - 1)));
  }

  /** Keep the note beside its mention as the window scrolls or resizes. */
  reposition(): void {
    const step = this.steps[this.at];
    if (this.life && step?.kind === 'entity') this.deps.card.reposition(this.deps.rectsOf(step.mark.range), undefined, noteLayout(step.mark.range) ?? undefined);
  }

  /**
   * The first mention of each key name: what the article does with each name (how often it gives it, whether
   * it quotes a person, read from the sentences that name them) and what the dataset says of it.
   */
  private async keyFirsts(): Promise<Mark[]> {
    const firsts = this.deps.firsts();
    const uses = new Map<string, NameUse>();
    for (const mark of firsts) uses.set(mark.mention.id, { id: mark.mention.id, kind: mark.mention.kind, count: 0, quoted: false });
    for (const mark of this.deps.marks()) {
      const use = uses.get(mark.mention.id);
      if (!use) continue;
      use.count++;
      if (use.kind === 'person' && !use.quoted && mark.range.startContainer.isConnected) {
        const around = textAround(mark.range);
        use.quoted = !!around && isQuoted(around.text, around.start, around.end);
      }
    }
    await Promise.all([...uses.values()].map(async (use) => (use.record = await this.deps.record(use.id))));
    const key = keyNames([...uses.values()]);
    return firsts.filter((m) => key.has(m.mention.id));
  }

  exit(): void {
    if (!this.life) return;
    this.life.end();
    this.life = null;
    this.deps.card.hide();
    const back = this.back;
    this.back = null;
    if (back) {
      window.scrollTo({ left: back.x, top: back.y, behavior: 'instant' });
      if (back.focus instanceof HTMLElement && back.focus.isConnected && back.focus !== document.body) back.focus.focus({ preventScroll: true });
    }
    this.deps.onExit();
  }

  private key(e: KeyboardEvent): void {
    if (!e.isTrusted || e.altKey || e.ctrlKey || e.metaKey) return;
    let handled = true;
    if (e.key === 'Escape') this.exit();
    else if (NEXT.has(e.key)) void this.show(this.at + 1);
    else if (PREVIOUS.has(e.key)) void this.show(this.at - 1);
    else if (e.key in SCROLL) this.deps.card.scrollContent(SCROLL[e.key]);
    else if (e.key === 'Home') void this.show(0);
    else if (e.key === 'End' || e.key === 't' || e.key === 'T') void this.show(this.steps.length - 1);
    else handled = false;
    if (handled) this.deps.hub.take(e);
  }

  private async show(i: number): Promise<void> {
    if (!this.life || i < 0 || i >= this.steps.length) return;
    this.at = i;
    const step = this.steps[i];
    const { card, lang, published, today } = this.deps;
    const t = this.deps.t();
    const nav = {
      lang,
      t,
      position: i + 1,
      steps: this.steps.length,
      published: published(),
      today: today(),
      onPrevious: () => void this.show(this.at - 1),
      onNext: () => void this.show(this.at + 1),
      onExit: () => this.exit(),
    };
    if (step.kind === 'timeline') {
      const events = await this.deps.events();
      if (this.at !== i || !this.life) return;
      card.display(h(PresentationTimeline, { ...nav, events }), { mention: [], dark: false, variant: 'panel' });
      return;
    }
    const entity = await this.deps.record(step.mark.mention.id);
    if (this.at !== i || !this.life) return;
    const { range } = step.mark;
    if (!entity || !range.startContainer.isConnected) return;
    this.bringIntoView(range);
    const note = noteLayout(range) ?? undefined;
    card.display(h(PresentationNote, { ...nav, entity }), { mention: this.deps.rectsOf(range), dark: step.mark.onDark, variant: 'present', note });
  }

  /**
   * Scroll the window to the mention. With room beside its column, a fifth of the way down (the note goes
   * beside it); without, its sentence (or, for a long one, the line above the mention) near the top, leaving
   * the rest of the screen to the note.
   */
  private bringIntoView(range: Range): void {
    const layout = noteLayout(range);
    if (!layout || besideRoom(layout.column, visualView()) >= NOTE_BESIDE_MIN) {
      revealInWindow(range, true);
      return;
    }
    const mention = range.getBoundingClientRect();
    const { band, tight } = layout;
    const from = band.bottom - band.top <= innerHeight * 0.4 ? band.top : tight.top;
    revealInWindow(range, true, 2 * MARGIN + (mention.top - from));
  }
}
