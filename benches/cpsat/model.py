"""The `turnus suggest` benchmark instances modelled in OR-Tools CP-SAT, for comparison.

    python model.py REQUEST.json SLOTS.json [--seconds 10] [--workers 2]

Reads a turnus-suggest request (docs/suggest.md) and writes the best assignment found as
{"slots": [{"week", "weekday", "shift_type", "assistant"}], "cpsat": {...}} for
`turnus suggest REQUEST.json --score SLOTS.json`, which scores it with the engine's own score
and runs the real checker. The model works on the cycle (times wrap at its end), in minutes:

- every position (need x day x week x staff place) gets exactly one allowed assistant;
- no assistant on two overlapping positions, nor on two touching ones whose merged day is longer
  than the profile's total_day_max; every rest between two positions at least daily_rest_min
  (no reduced rest: compensation after a short rest is not linear, so the model stays lawful by
  never using it);
- hours in each cycle week at most total_week_max;
- weekly rest: in each week some window of weekly_rest_min inside the week is free;
- Sundays (the zone Saturday 18:00 - Sunday 22:00) at most every other: next_off forbids two in
  a row, average allows at most half of the cycle's and at most 3 in any 4 weeks.

The objective is the engine's score where it is linear: contract deviation (3 per hour a week),
weekend and night shifts against the contract share (1 each), single work days (1.5), days
longer than the daily normal hours (1), wishes (-weight per slot). Red days over the year and
the real calendar are left to the Rust scorer.
"""

import json
import sys
import time

from ortools.sat.python import cp_model

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
PRESETS = {
    "aml": dict(total_day_max_h=13, daily_normal_max_h=9, total_week_max_h=48, daily_rest_min_h=11,
                weekly_rest_min_h=35, sunday_rule="next_off", long_shift_max_h=None,
                night_start="21:00", night_end="06:00"),
    "aml_individual": dict(total_day_max_h=13, daily_normal_max_h=10, total_week_max_h=48,
                           daily_rest_min_h=11, weekly_rest_min_h=35, sunday_rule="average",
                           long_shift_max_h=None, night_start="21:00", night_end="06:00"),
    "tariff": dict(total_day_max_h=16, daily_normal_max_h=12.5, total_week_max_h=48,
                   daily_rest_min_h=11, weekly_rest_min_h=28, sunday_rule="average",
                   long_shift_max_h=None, night_start="21:00", night_end="06:00"),
    "tariff_long_shifts": dict(total_day_max_h=16, daily_normal_max_h=12.5, total_week_max_h=48,
                               daily_rest_min_h=11, weekly_rest_min_h=28, sunday_rule="average",
                               long_shift_max_h=24, night_start="21:00", night_end="06:00"),
}


def profile_values(profile):
    if profile is None:
        profile = "aml"
    if isinstance(profile, str):
        return dict(PRESETS[profile])
    values = dict(PRESETS[profile["preset"]])
    values.update(profile.get("overrides") or {})
    return values


def minutes(text):
    h, m = text.split(":")
    return int(h) * 60 + int(m)


def build(request):
    weeks = request["weeks"]
    cycle = weeks * 7 * 1440
    types = {t["code"]: t for t in request["shift_types"]}
    base = profile_values(request.get("profile"))
    people = request["assistants"]
    values = [profile_values(a["profile"]) if a.get("profile") else base for a in people]
    positions = []
    for week in range(1, weeks + 1):
        for day in range(7):
            for need in request["needs"]:
                if DAYS[day] not in need["days"]:
                    continue
                if need.get("weeks") and week not in need["weeks"]:
                    continue
                t = types[need["shift_type"]]
                start = ((week - 1) * 7 + day) * 1440 + minutes(t["start"])
                length = (minutes(t["end"]) - minutes(t["start"])) % 1440
                for _ in range(need.get("staff", 1)):
                    positions.append(dict(week=week, day=day, code=t["code"], start=start,
                                          end=start + length, length=length))

    def fits(entry, p):
        return ((not entry.get("days") or DAYS[p["day"]] in entry["days"])
                and (not entry.get("shift_types") or p["code"] in entry["shift_types"])
                and (not entry.get("weeks") or p["week"] in entry["weeks"]))

    model = cp_model.CpModel()
    x = {}
    for i, p in enumerate(positions):
        for a, person in enumerate(people):
            if not any(fits(c, p) for c in person.get("cannot", [])):
                x[i, a] = model.NewBoolVar(f"x{i}_{a}")
        model.AddExactlyOne([x[i, a] for a in range(len(people)) if (i, a) in x])

    def relation(p, q):
        """Gap from the earlier to the later of p, q on the circle; negative when they overlap."""
        best = None
        for shift in (-cycle, 0, cycle):
            qs, qe = q["start"] + shift, q["end"] + shift
            if qs < p["end"] and p["start"] < qe:
                return -1, max(p["end"], qe) - min(p["start"], qs)
            gap = qs - p["end"] if qs >= p["end"] else p["start"] - qe
            merged = max(p["end"], qe) - min(p["start"], qs)
            if best is None or gap < best[0]:
                best = (gap, merged)
        return best

    objective = []
    scale = 6000 * weeks  # the engine's score x 6000 x weeks, in whole numbers
    total_weekend = sum(1 for p in positions if p["day"] >= 5)
    contracts = sum(a["contract_hours_per_week"] for a in people) or 1
    for a, person in enumerate(people):
        v = values[a]
        mine = [i for i in range(len(positions)) if (i, a) in x]
        night_start, night_end = minutes(v["night_start"]), minutes(v["night_end"])

        def night(p):
            s = p["start"] % 1440
            total = 0
            for d in (-1, 0, 1):
                ns = d * 1440 + night_start
                ne = ns + (night_end - night_start) % 1440
                total += max(0, min(s + p["length"], ne) - max(s, ns))
            return total > 180

        for j, i in enumerate(mine):
            for k in mine[j + 1:]:
                gap, merged = relation(positions[i], positions[k])
                if gap < 0:
                    model.AddBoolOr([x[i, a].Not(), x[k, a].Not()])
                elif gap == 0:
                    if merged > v["total_day_max_h"] * 60:
                        model.AddBoolOr([x[i, a].Not(), x[k, a].Not()])
                    elif merged > v["daily_normal_max_h"] * 60:
                        long_day = model.NewBoolVar("")
                        model.Add(long_day >= x[i, a] + x[k, a] - 1)
                        objective.append(scale * long_day)
                elif gap < v["daily_rest_min_h"] * 60:
                    model.AddBoolOr([x[i, a].Not(), x[k, a].Not()])
        for w in range(weeks):
            ws, we = w * 7 * 1440, (w + 1) * 7 * 1440
            model.Add(sum(positions[i]["length"] * x[i, a] for i in mine
                          if ws <= positions[i]["start"] < we) <= int(v["total_week_max_h"] * 60))
            rest = int(v["weekly_rest_min_h"] * 60)
            starts = sorted({ws} | {positions[i]["end"] for i in mine if ws <= positions[i]["end"] < we})
            windows = []
            for t in starts:
                if t + rest > we:
                    continue
                y = model.NewBoolVar("")
                for i in mine:
                    p = positions[i]
                    for shift in (-cycle, 0, cycle):
                        if p["start"] + shift < t + rest and t < p["end"] + shift:
                            model.AddImplication(y, x[i, a].Not())
                windows.append(y)
            model.AddBoolOr(windows if windows else [model.NewConstant(0)])
        sundays = []
        for w in range(weeks):
            zs, ze = w * 7 * 1440 + 5 * 1440 + 18 * 60, w * 7 * 1440 + 6 * 1440 + 22 * 60
            touching = [i for i in mine if positions[i]["start"] < ze and zs < positions[i]["end"]]
            z = model.NewBoolVar("")
            for i in touching:
                model.AddImplication(x[i, a], z)
            sundays.append(z)
        if v["sunday_rule"] == "next_off":
            for w in range(weeks):
                if weeks > 1:
                    model.Add(sundays[w] + sundays[(w + 1) % weeks] <= 1)
                else:
                    model.Add(sundays[w] == 0)
        else:
            model.Add(sum(sundays) <= weeks // 2)
            if weeks >= 4:
                for w in range(weeks):
                    model.Add(sum(sundays[(w + k) % weeks] for k in range(4)) <= 3)
        # The objective, as the engine's score x scale.
        share = person["contract_hours_per_week"] / contracts
        worked = sum(positions[i]["length"] * x[i, a] for i in mine)
        target = int(round(person["contract_hours_per_week"] * 60 * weeks))
        dev = model.NewIntVar(0, 10 ** 7, "")
        model.Add(dev >= worked - target)
        model.Add(dev >= target - worked)
        objective.append(300 * dev)  # 3 per hour a week: 3 x dev / (60 weeks) x scale
        for flag, total in (
            (lambda p: p["day"] >= 5, total_weekend),
            (night, sum(1 for p in positions if night(p))),
        ):
            count = sum(100 * x[i, a] for i in mine if flag(positions[i]))
            want = int(round(100 * share * total))
            d = model.NewIntVar(0, 10 ** 7, "")
            model.Add(d >= count - want)
            model.Add(d >= want - count)
            objective.append(60 * weeks * d)
        days = weeks * 7
        work = []
        for d in range(days):
            on = model.NewBoolVar("")
            here = [x[i, a] for i in mine if positions[i]["start"] // 1440 == d]
            if here:
                model.AddMaxEquality(on, here)
            else:
                model.Add(on == 0)
            work.append(on)
        for d in range(days):
            single = model.NewBoolVar("")
            model.Add(single >= work[d] - work[d - 1] - work[(d + 1) % days])
            objective.append(9000 * weeks * single)
        for i in mine:
            cost = -sum(wish["weight"] for wish in person.get("wishes", []) if fits(wish, positions[i]))
            if cost:
                objective.append(int(round(cost * scale)) * x[i, a])
    model.Minimize(sum(objective))
    return model, x, positions, people


class FirstSolution(cp_model.CpSolverSolutionCallback):
    def __init__(self):
        super().__init__()
        self.started = time.monotonic()
        self.first = None

    def on_solution_callback(self):
        if self.first is None:
            self.first = time.monotonic() - self.started


def solve(request, seconds=10.0, workers=2):
    model, x, positions, people = build(request)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = 1
    callback = FirstSolution()
    status = solver.Solve(model, callback)
    out = {"cpsat": {"status": solver.StatusName(status), "wall_seconds": solver.WallTime(),
                     "first_solution_seconds": callback.first,
                     "objective": solver.ObjectiveValue() if callback.first is not None else None}}
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        out["slots"] = [
            {"week": p["week"], "weekday": DAYS[p["day"]], "shift_type": p["code"],
             "assistant": people[a]["id"]}
            for i, p in enumerate(positions) for a in range(len(people))
            if (i, a) in x and solver.Value(x[i, a])
        ]
    return out


def main(argv):
    request_path, slots_path = argv[1], argv[2]
    seconds = float(argv[argv.index("--seconds") + 1]) if "--seconds" in argv else 10.0
    workers = int(argv[argv.index("--workers") + 1]) if "--workers" in argv else 2
    with open(request_path, encoding="utf-8") as f:
        request = json.load(f)
    out = solve(request, seconds, workers)
    with open(slots_path, "w", encoding="utf-8") as f:
        json.dump(out, f)
    print(json.dumps(out["cpsat"]))
    return 0 if "slots" in out else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
