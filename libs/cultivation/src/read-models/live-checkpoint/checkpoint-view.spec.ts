// The rules by which the view of the live checkpoint moves: notifications arrive in commit order but may trail or
// overtake a read; a wrong guess would key cached answers by a checkpoint that is no longer the live one.
import { CheckpointView } from './live-checkpoint';

const G1 = 'g1';
const G2 = 'g2';
const moved = (position: string, generation = G1) => JSON.stringify({ position, generation });
const swapped = (from: string, generation: string, position: string) => JSON.stringify({ from, generation, position });

function view(maxAgeMs = 1000) {
  let now = 0;
  const v = new CheckpointView(maxAgeMs, () => now);
  return { v, advance: (ms: number) => (now += ms) };
}

/** A view placed at (position, generation) by a read issued while nothing was heard. */
function placed(position: string, generation = G1, maxAgeMs = 1000) {
  const t = view(maxAgeMs);
  t.v.connection(true);
  t.v.observe({ position, generation }, t.v.ticket());
  return t;
}

describe('the live checkpoint view', () => {
  it('is not trusted before a read issued once LISTEN is in place, nor while disconnected', () => {
    const { v } = view();
    const early = v.ticket();
    v.connection(true);
    v.notified(moved('5'));
    v.observe({ position: '5', generation: G1 }, early); // sent before LISTEN: what came before is unknown
    expect(v.current()).toBeUndefined();
    v.observe({ position: '5', generation: G1 }, v.ticket());
    expect(v.current()).toEqual({ position: '5', generation: G1 });
    v.connection(false);
    expect(v.current()).toBeUndefined();
    v.connection(true);
    expect(v.current()).toBeUndefined(); // back, but notifications may have been missed meanwhile
  });

  it('follows commits forward and ignores a notification that trails a newer read', () => {
    const { v } = placed('5');
    v.notified(moved('7'));
    expect(v.current()).toEqual({ position: '7', generation: G1 });
    v.notified(moved('6')); // committed before the read that placed it at 7
    v.observe({ position: '6', generation: G1 }, v.ticket());
    expect(v.current()).toEqual({ position: '7', generation: G1 });
  });

  it('is trusted for at most its max age since it was last confirmed', () => {
    const { v, advance } = placed('5', G1, 100);
    advance(60);
    v.notified(moved('6'));
    advance(60);
    expect(v.current()?.position).toBe('6');
    advance(60);
    expect(v.current()).toBeUndefined();
    v.observe({ position: '6', generation: G1 }, v.ticket());
    expect(v.current()?.position).toBe('6');
  });

  it('follows a swap from the generation it holds, and doubts one from elsewhere', () => {
    const { v } = placed('5');
    v.notified(swapped(G1, G2, '9'));
    expect(v.current()).toEqual({ position: '9', generation: G2 });
    v.notified(moved('9')); // a late G1 commit: not ours to follow
    expect(v.current()).toBeUndefined();

    const other = placed('5');
    other.v.notified(swapped('g0', G2, '9')); // a swap from a generation this view never held
    expect(other.v.current()).toBeUndefined();
  });

  it('doubts a generation it did not see swapped in, and a payload it cannot read', () => {
    const a = placed('5');
    a.v.notified(moved('6', G2));
    expect(a.v.current()).toBeUndefined();
    const b = placed('5');
    b.v.notified('not json');
    expect(b.v.current()).toBeUndefined();
  });

  it('does not let a read overtaken by a notification of another generation place it', () => {
    const { v } = placed('5');
    const ticket = v.ticket();
    v.notified(swapped(G1, G2, '8'));
    v.observe({ position: '5', generation: G1 }, ticket); // its snapshot was before the swap
    expect(v.current()).toBeUndefined();
  });

  it('takes the newer of a read and the notifications heard meanwhile, within one generation', () => {
    const { v } = view();
    v.connection(true);
    const ticket = v.ticket();
    v.notified(moved('8'));
    v.observe({ position: '7', generation: G1 }, ticket);
    expect(v.current()).toEqual({ position: '8', generation: G1 });

    const other = view();
    other.v.connection(true);
    const t2 = other.v.ticket();
    other.v.notified(moved('8', G2));
    other.v.observe({ position: '7', generation: G1 }, t2); // which came first is unknown
    expect(other.v.current()).toBeUndefined();
  });
});
