//! The search: a greedy start, then simulated annealing on the positions' assignment, with the
//! fast evaluator of `super::eval`; the real checker verifies every answer.
//!
//! Deterministic: the random numbers come from the seed (SplitMix64), the number of moves is
//! fixed from the seconds asked for ([`MOVES_PER_SECOND`]), and the clock is never read here.
//! So the same request, seconds and seed give the same answer on any machine.

use super::eval::{Eval, Model};

/// Moves tried per second asked for. Measured so that 2 seconds' worth runs in well under two
/// seconds for 8 assistants over an 8-week cycle on a laptop of 2024 (docs/suggest.md).
pub const MOVES_PER_SECOND: u64 = 30_000;
/// Weight of one unit of the hard penalty against the soft score.
const HARD: f64 = 30.0;
/// How often (in moves) a lawful candidate is handed to the real checker.
const VERIFY_EVERY: u64 = 4_000;

/// A seeded SplitMix64 generator.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// An assignment and its evaluation, kept up to date move by move.
#[derive(Clone)]
pub struct State {
    /// Person of each position.
    pub assign: Vec<usize>,
    /// Positions of each person, ascending.
    pub mine: Vec<Vec<usize>>,
    pub evals: Vec<Eval>,
}

impl State {
    pub fn new(model: &Model, assign: Vec<usize>) -> State {
        let people = model.problem.people.len();
        let mut mine = vec![Vec::new(); people];
        for (pos, &who) in assign.iter().enumerate() {
            mine[who].push(pos);
        }
        let evals = (0..people).map(|p| model.eval(p, &mine[p])).collect();
        State {
            assign,
            mine,
            evals,
        }
    }

    pub fn hard(&self) -> f64 {
        self.evals.iter().map(|e| e.hard).sum()
    }

    pub fn soft(&self) -> f64 {
        self.evals.iter().map(|e| e.parts.total()).sum()
    }

    pub fn cost(&self) -> f64 {
        HARD * self.hard() + self.soft()
    }
}

fn insert(list: &mut Vec<usize>, pos: usize) {
    let at = list.partition_point(|&p| p < pos);
    list.insert(at, pos);
}

fn remove(list: &mut Vec<usize>, pos: usize) {
    if let Ok(at) = list.binary_search(&pos) {
        list.remove(at);
    }
}

fn cost_of(e: &Eval) -> f64 {
    HARD * e.hard + e.parts.total()
}

/// The greedy start: the positions with the fewest candidates first; each to the candidate
/// whose hard penalty grows least, then the one furthest below their contract.
pub fn greedy(model: &Model) -> Vec<usize> {
    let people = model.problem.people.len();
    let n = model.positions.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&p| (model.can[p].iter().filter(|c| **c).count(), p));
    let mut mine: Vec<Vec<usize>> = vec![Vec::new(); people];
    let mut hard: Vec<f64> = vec![0.0; people];
    let mut load: Vec<f64> = vec![0.0; people];
    let mut assign = vec![usize::MAX; n];
    let weeks = f64::from(model.problem.weeks);
    for pos in order {
        let minutes = model.minutes(pos);
        let mut best: Option<(f64, usize, f64)> = None;
        for who in 0..people {
            if !model.can[pos][who] {
                continue;
            }
            insert(&mut mine[who], pos);
            let e = model.eval(who, &mine[who]);
            remove(&mut mine[who], pos);
            let contract = model.problem.people[who].contract_minutes.max(60) as f64 * weeks;
            let fill = (load[who] + minutes) / contract;
            let score = HARD * (e.hard - hard[who]) + 10.0 * fill + model.wish[pos][who];
            if best.is_none_or(|(b, _, _)| score < b) {
                best = Some((score, who, e.hard));
            }
        }
        // A position nobody may take never reaches the search (see `super::reasons`).
        let (_, who, h) = best.unwrap_or((0.0, 0, 0.0));
        insert(&mut mine[who], pos);
        hard[who] = h;
        load[who] += minutes;
        assign[pos] = who;
    }
    assign
}

/// What the search found.
pub struct Found {
    /// The best assignment the real checker accepted, if any.
    pub best: Option<State>,
    pub moves: u64,
    /// The move after which the first lawful assignment was confirmed.
    pub first_lawful_move: Option<u64>,
    /// Where the search ended (for explaining what it could not mend).
    pub last: Option<State>,
}

/// Simulated annealing from the greedy start for `moves` moves. `verify` is the real checker:
/// true when an assignment has no violation. With `stop_when_lawful`, stops at the first
/// assignment it accepts.
pub fn anneal(
    model: &Model,
    moves: u64,
    seed: u64,
    stop_when_lawful: bool,
    verify: &mut dyn FnMut(&[usize]) -> bool,
) -> Found {
    let mut rng = Rng::new(seed);
    let n = model.positions.len();
    let mut state = State::new(model, greedy(model));
    let mut found = Found {
        best: None,
        moves: 0,
        first_lawful_move: None,
        last: None,
    };
    // The best assignment the fast evaluator finds lawful, waiting for the real checker.
    let mut pending: Option<State> = None;
    let mut best_soft = f64::INFINITY;
    let mut rejected: Vec<Vec<usize>> = Vec::new();
    let mut check = |candidate: State, found: &mut Found, at: u64| -> bool {
        if rejected.contains(&candidate.assign) {
            return false;
        }
        if verify(&candidate.assign) {
            if found.first_lawful_move.is_none() {
                found.first_lawful_move = Some(at);
            }
            found.best = Some(candidate);
            true
        } else {
            rejected.push(candidate.assign.clone());
            false
        }
    };
    if state.hard() == 0.0 {
        best_soft = state.soft();
        if check(state.clone(), &mut found, 0) && stop_when_lawful {
            return found;
        }
    }
    let t0: f64 = 10.0;
    let t1 = 0.02;
    // The last quarter of the moves: when nothing lawful is known yet, repair: only the rules
    // count, every move starts at someone who breaks one, and no move makes it worse.
    let annealing = moves - moves / 4;
    // The assignment breaking the fewest rules so far: where repairing starts.
    let mut least = (state.hard(), state.clone());
    for m in 0..moves {
        found.moves = m + 1;
        let repair = m >= annealing && found.best.is_none() && pending.is_none();
        if repair && m == annealing {
            state = least.1.clone();
        }
        let temp = t0 * (t1 / t0).powf((m.min(annealing)) as f64 / annealing.max(1) as f64);
        // Half the moves (all when repairing) start at a position of someone who still breaks
        // a rule.
        let pos = if repair || rng.unit() < 0.5 {
            let breaking: Vec<usize> = (0..state.evals.len())
                .filter(|&p| state.evals[p].hard > 0.0 && !state.mine[p].is_empty())
                .collect();
            if breaking.is_empty() {
                rng.below(n)
            } else {
                let who = breaking[rng.below(breaking.len())];
                state.mine[who][rng.below(state.mine[who].len())]
            }
        } else {
            rng.below(n)
        };
        let from = state.assign[pos];
        let people = model.problem.people.len();
        // The positions that change hands, each to its new holder.
        let mut changes: Vec<(usize, usize)> = Vec::new();
        let kind = rng.unit();
        let to = if kind < 0.4 {
            // Give the position to someone else.
            let to = rng.below(people);
            if to == from || !model.can[pos][to] {
                continue;
            }
            changes.push((pos, to));
            to
        } else if kind < 0.8 {
            // Swap two positions between their holders.
            let other = rng.below(n);
            let to = state.assign[other];
            if to == from || !model.can[pos][to] || !model.can[other][from] {
                continue;
            }
            changes.push((pos, to));
            changes.push((other, from));
            to
        } else {
            // Swap everything two people hold in the position's week, or on its day and the
            // days beside it (a weekend, a Sunday's zone).
            let to = rng.below(people);
            if to == from {
                continue;
            }
            let at = &model.positions[pos];
            let (first, last) = if rng.unit() < 0.5 {
                (0, 6)
            } else {
                (at.day.saturating_sub(1), (at.day + 1).min(6))
            };
            let inside = |q: usize| {
                let p = &model.positions[q];
                p.week == at.week && p.day >= first && p.day <= last
            };
            let mut lawful = true;
            for &q in state.mine[from].iter().filter(|&&q| inside(q)) {
                lawful &= model.can[q][to];
                changes.push((q, to));
            }
            for &q in state.mine[to].iter().filter(|&&q| inside(q)) {
                lawful &= model.can[q][from];
                changes.push((q, from));
            }
            if !lawful {
                continue;
            }
            to
        };
        let mut mine_from = state.mine[from].clone();
        let mut mine_to = state.mine[to].clone();
        for &(q, who) in &changes {
            if who == to {
                remove(&mut mine_from, q);
                insert(&mut mine_to, q);
            } else {
                remove(&mut mine_to, q);
                insert(&mut mine_from, q);
            }
        }
        let e_from = model.eval(from, &mine_from);
        let e_to = model.eval(to, &mine_to);
        let delta = if repair {
            e_from.hard + e_to.hard - state.evals[from].hard - state.evals[to].hard
        } else {
            cost_of(&e_from) + cost_of(&e_to)
                - cost_of(&state.evals[from])
                - cost_of(&state.evals[to])
        };
        if delta <= 0.0 || (!repair && rng.unit() < (-delta / temp).exp()) {
            for &(q, who) in &changes {
                state.assign[q] = who;
            }

            state.mine[from] = mine_from;
            state.mine[to] = mine_to;
            state.evals[from] = e_from;
            state.evals[to] = e_to;
            let hard = state.hard();
            if hard < least.0 && m < annealing {
                least = (hard, state.clone());
            }
            if hard == 0.0 {
                let soft = state.soft();
                if soft < best_soft - 1e-9 {
                    best_soft = soft;
                    pending = Some(state.clone());
                    if stop_when_lawful {
                        let candidate = pending.take().expect("just set");
                        if check(candidate, &mut found, m + 1) {
                            return found;
                        }
                        best_soft = f64::INFINITY;
                    }
                }
            }
        }
        if (m + 1) % VERIFY_EVERY == 0 {
            if let Some(candidate) = pending.take() {
                if !check(candidate, &mut found, m + 1) {
                    best_soft = found.best.as_ref().map_or(f64::INFINITY, State::soft);
                }
            }
        }
    }
    if let Some(candidate) = pending.take() {
        let at = found.moves;
        check(candidate, &mut found, at);
    }
    found.last = Some(state);
    found
}
