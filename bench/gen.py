#!/usr/bin/env python3
"""Generate a deterministic nabij export of a heavy user's years, for the
benchmark: about three check-ins a day with emotions, needs and notes of
varied length in Dutch and English, moments of connection, triggers,
exercise sessions, reflections and a support circle.

    gen.py RECORDS SEED > data.json

The same RECORDS and SEED always give the same file."""
import datetime
import json
import random
import sys

records, seed = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(seed)
rnd_connection = random.Random(seed + 1)  # its own draws: the rest stays as before it

WORDS_EN = ("walk river coffee friend work tired rain call dinner quiet park music "
            "morning evening sleep heavy light warm cold sister brother cat dog talk "
            "breathing shoulders chest kind hard soft laugh cry book bike train").split()
WORDS_NL = ("wandeling rivier koffie vriend werk moe regen bellen eten stil park muziek "
            "ochtend avond slaap zwaar licht warm koud zus broer kat hond praten "
            "ademen schouders borst lief moeilijk zacht lachen huilen boek fiets trein").split()
EMOTIONS = "anger sadness joy fear calm emptiness shame loneliness tenderness guilt hope gratitude".split()
NEEDS = "rest contact movement boundaries softness safety connection appreciation".split()
SENSATIONS = "tension relaxation energy tiredness restlessness heaviness warmth pain".split()
PLACES = "head jaw throat neck shoulders chest belly back".split()
KINDS = "hug hand arm self animal talk gesture massage".split()
EFFECTS = "breath shoulders sigh warmth space tears".split()
EXERCISES = "breath compassion grounding memory place".split()
PROMPTS = "body-closeness stopping-thought safe-moment closer kind-friend felt-safe need-back".split()
uid = 0


def next_uid():
    global uid
    uid += 1
    return "%032x" % (seed * 10**9 + uid)


def text(lo, hi):
    words = WORDS_NL if rnd.random() < 0.5 else WORDS_EN
    n = int(rnd.triangular(lo, hi, lo + (hi - lo) / 4))
    return " ".join(rnd.choice(words) for _ in range(n)).capitalize() + "."


def stamp(t):
    return t.isoformat(timespec="seconds")


def utc(t):
    return t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


out = []
members = []
start = datetime.datetime(2016, 11, 21, 0, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))
for name in ["Sam", "Noor", "Mira", "The bench by the river", "Recovery group"]:
    m = {"uid": next_uid(), "type": "member", "at": stamp(start), "created": utc(start),
         "updated": utc(start), "place": name.startswith("The"), "name": name,
         "reach": "06-%08d" % rnd.randrange(10**8), "helps": text(3, 8)}
    members.append(m)
    out.append(m)

# Spread the records over ten years (or fewer for small sets).
days = min(3652, max(30, records // 14))
per_day = (records - len(out)) / days
t = start
for day in range(days):
    base = start + datetime.timedelta(days=day)
    n = int(per_day) + (1 if rnd.random() < per_day - int(per_day) else 0)
    for k in range(n):
        if len(out) >= records:
            break
        t = base + datetime.timedelta(hours=7 + 15 * (k + rnd.random()) / max(n, 1))
        r = {"uid": next_uid(), "at": stamp(t), "created": utc(t), "updated": utc(t)}
        kind = rnd.random()
        if kind < 0.55:
            r.update(type="checkin", mood=rnd.randint(1, 5), energy=rnd.randint(1, 5),
                     tension=rnd.randint(1, 5))
            r["emotions"] = [{"name": e, "intensity": rnd.randint(1, 5)} for e in rnd.sample(EMOTIONS, rnd.randint(1, 3))]
            r["needs"] = rnd.sample(NEEDS, rnd.randint(1, 2))
            if rnd.random() < 0.4:
                r["body"] = [{"name": rnd.choice(SENSATIONS), "place": rnd.choice(PLACES)}]
            if k == 0:
                r["sleep_minutes"] = rnd.randint(300, 560)
                r["sleep_quality"] = rnd.randint(1, 5)
            if rnd.random() < 0.7:
                r["note"] = text(3, 120)
            if rnd.random() < 0.3:
                r["tags"] = [rnd.choice(WORDS_EN)]
            if rnd_connection.random() < 0.8:
                r["connection"] = rnd_connection.randint(1, 5)
        elif kind < 0.75:
            m = rnd.choice(members) if rnd.random() < 0.5 else None
            r.update(type="moment", kind=rnd.choice(KINDS), seconds=rnd.randint(5, 3600),
                     safe=rnd.choice(["yes", "yes", "yes", "unsure", "no"]),
                     effects=rnd.sample(EFFECTS, rnd.randint(0, 2)))
            if m:
                r["with"] = m["name"]
                r["member"] = m["uid"]
            if not r["effects"]:
                del r["effects"]
            if rnd.random() < 0.3:
                r["note"] = text(3, 40)
        elif kind < 0.85:
            r.update(type="trigger", situation=text(4, 30), reaction=text(3, 20),
                     emotion=rnd.choice(EMOTIONS), need=rnd.choice(NEEDS), alternative=text(3, 15))
            if rnd.random() < 0.6:
                r["outcome"] = text(3, 20)
        elif kind < 0.95:
            r.update(type="session", exercise=rnd.choice(EXERCISES), seconds=rnd.randint(60, 600),
                     tension_before=rnd.randint(2, 5), tension_after=rnd.randint(1, 4))
            if r["exercise"] == "breath":
                r["pattern"] = "4-2-6"
        else:
            r.update(type="reflection", prompt=rnd.choice(PROMPTS), text=text(5, 80))
        out.append(r)

json.dump({"format": "nabij", "version": 2, "exported": utc(t), "records": out}, sys.stdout,
          ensure_ascii=False, indent=1)
sys.stdout.write("\n")
