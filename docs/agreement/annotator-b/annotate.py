#!/usr/bin/env python3
"""Second, independent annotation of seeds 000-002, made from the texts and docs/GUIDELINES.md only.

Runs the argmark CLI: new, target, proposition, speaker, add, relate. Usage, from the repository root:

    python3 docs/agreement/annotator-b/annotate.py .build/debug/argmark /tmp/annotator-b

The seed texts are read from ../shared/seeds beside the checkout (as the seed tests do), or from the
folder named by ARGMARK_SEEDS. It writes OUTDIR/corpus.xml and the three articles, the same bytes as
the files committed beside this script (argmark also leaves its hidden .NAME.lock files there).
"""
import subprocess
import sys
import os

ARGMARK, OUT = sys.argv[1], sys.argv[2]
REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))  # docs/agreement/annotator-b → the checkout
SEEDS = os.environ.get("ARGMARK_SEEDS") or os.path.join(REPO, "..", "shared", "seeds")
if not os.path.isdir(SEEDS):
    sys.exit(f"annotate.py: error: no seed texts in {SEEDS}; set ARGMARK_SEEDS to the folder of the seed .txt files")

def run(*args):
    r = subprocess.run([ARGMARK, *args], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"FAILED: argmark {' '.join(args)}\n{r.stderr}")
    return r.stdout.strip()

TARGETS = [
    ("metoo", "the #MeToo movement"),
    ("argento-undermines-metoo", "the allegations against Asia Argento undermine #MeToo"),
    ("argento-allegations-true", "the sexual-assault allegations against Asia Argento are true"),
    ("systemic-problem", "sexual harassment and abuse are a systemic problem of power and culture, not the acts of a few individuals"),
    ("centre-survivors", "survivors' voices must be heard, believed and put at the centre"),
    ("accountability", "people who commit sexual misconduct must face consequences"),
    ("metoo-inclusive", "#MeToo is for every victim of sexual violence, whatever their gender"),
    ("metoo-gone-too-far", "feminism and #MeToo have gone too far"),
    ("redemption", "a way back for people who committed sexual misconduct"),
    ("misconduct-continuum", "sexual misconduct should be judged on a continuum of severity"),
]

PROPOSITIONS = [
    ("argento-accused", "Asia Argento was accused of sexual assault by Jimmy Bennett", None, None),
    ("argento-case-does-not-invalidate", "the allegations against Asia Argento do not invalidate #MeToo", "argento-undermines-metoo", "against"),
    ("nothing-invalidates-metoo", "nothing can invalidate or discredit #MeToo", "argento-undermines-metoo", "against"),
    ("one-story-cannot-undermine", "one story cannot undermine the movement", "argento-undermines-metoo", "against"),
    ("discrediting-not-a-hot-take", "discrediting #MeToo is not just a bad or hot take", "argento-undermines-metoo", "against"),
    ("discrediting-serves-abusers", "discrediting #MeToo serves those who benefit from a culture that demeans survivors", "argento-undermines-metoo", "against"),
    ("created-by-survivors", "#MeToo is a movement created by and for millions of survivors", "metoo", "favor"),
    ("coming-forward-shows-alive", "people still coming forward shows that #MeToo is alive", "metoo", "favor"),
    ("no-model-survivor", "there is no model survivor", None, None),
    ("accountable-for-behavior", "we all have to be accountable for our individual behavior", "accountability", "favor"),
    ("argento-discredits-metoo", "the allegations against Asia Argento discredit #MeToo", "argento-undermines-metoo", "favor"),
]

# Each article: meta for `new`, speakers, units (label, type, quote, speaker, stance, target, proposition, note, occurrence),
# relations (from label, type, to label, note).
ARTICLES = {
    "000": dict(
        file="000_4df17bf2c55a06b5.txt", id="seed-000",
        meta=["--title", "Alyssa Milano on Asia Argento Accusations: ‘Stop Trying to Undermine the #MeToo Movement’ (Guest Blog)",
              "--outlet", "TheWrap", "--author", "Alyssa Milano", "--published", "2018-08-21", "--genre", "opinion", "--language", "en"],
        speakers=[("milano", "Alyssa Milano", "author"), ("critics", "people who pounced on the news", "reported"),
                  ("burke", "Tarana Burke", "quoted")],
        units=[
            ("settled", "evidence", "actress Asia Argento, one of Harvey Weinstein’s victims, settled with her own sexual assault accuser", "milano", None, None, "argento-accused", None, None),
            ("imminent", "claim", "attempts to invalidate the #MeToo movement were imminent", "milano", None, None, None, None, None),
            ("quick", "claim", "Whenever a story involving sexual misconduct comes out that doesn’t perfectly fit a prescribed narrative, people are quick to discredit #MeToo and its validity.", "milano", None, None, None, None, None),
            ("hypocritical", "counterclaim", "#MeToo is hypocritical", "critics", "favor", "argento-undermines-metoo", None, None, None),
            ("not-institutional", "counterclaim", "sexual harassment and assault are not part of institutional misogyny", "critics", "against", "systemic-problem", None, None, None),
            ("wrong", "rebuttal", "They are wrong.", "milano", "against", "argento-undermines-metoo", None, None, None),
            ("two-truths", "claim", "these two truths can exist at once: A victim of assault can also be an offender.", "milano", "against", "argento-undermines-metoo", None, None, None),
            ("nullify", "position", "one victim’s alleged horrid behavior does not nullify an entire movement", "milano", "against", "argento-undermines-metoo", "argento-case-does-not-invalidate", None, 2),
            ("no-one-way", "claim", "There is no one way to be a perpetrator", "burke", None, None, None, None, None),
            ("no-model", "claim", "there is no model survivor", "burke", None, None, "no-model-survivor", None, 1),
            ("accountable", "claim", "we all have to be accountable for our individual behavior", "burke", "favor", "accountability", "accountable-for-behavior", None, None),
            ("heart", "claim", "accountability is at the very heart of the #MeToo movement", "milano", "favor", "accountability", None, None, None),
            ("every-abuser", "claim", "We hold any and every abuser accountable, regardless of their gender, race, socioeconomic status, public visibility or popularity.", "milano", "favor", "accountability", None, None, None),
            ("violence-wrong", "claim", "Sexual violence is wrong, full stop.", "milano", None, None, None, None, None),
            ("not-black-white", "counterclaim", "the process of calling it out, and seeking justice and reform isn’t so black-and-white", "milano", None, None, None, "conceded", None),
            ("messy", "counterclaim", "It’s messy and complicated and sometimes disappointing", "milano", None, None, None, "conceded", None),
            ("not-dismiss", "rebuttal", "the answer is not to dismiss the voices of survivors and advocates who are doing the work to shift our culture", "milano", "favor", "centre-survivors", None, None, None),
            ("keep-talking", "claim", "we must keep talking", "milano", None, None, None, None, None),
            ("gray-areas", "claim", "The gray, complicated, areas of social justice and gender equality issues are where the conversations need to take place in order to define boundaries of what’s acceptable and permissible behavior.", "milano", None, None, None, None, None),
            ("false-narratives", "claim", "we must reject false narratives and double standards (particularly with regards to the veracity of claims made by male victims vs. female victims)", "milano", "favor", "metoo-inclusive", None, None, None),
            ("believe-victims", "claim", "to continue believing victims and amplifying their voices", "milano", "favor", "centre-survivors", None, None, None),
            ("hot-take", "claim", "Discrediting #MeToo isn’t just a bad or “hot” take", "milano", "against", "argento-undermines-metoo", "discrediting-not-a-hot-take", None, None),
            ("serves", "claim", "it directly serves the interests of those who benefit from a culture that demeans survivors and undermines the camaraderie of women who stand in solidarity to right these wrongs", "milano", "against", "argento-undermines-metoo", "discrediting-serves-abusers", None, None),
            ("slope", "claim", "It is a misguided and slippery slope.", "milano", "against", "argento-undermines-metoo", None, None, None),
            ("alive", "claim", "the fact that more people are publicly coming forward means that #MeToo is alive and swelling", "milano", "favor", "metoo", "coming-forward-shows-alive", None, None),
            ("nothing", "position", "nothing can or will ever invalidate #MeToo", "milano", "against", "argento-undermines-metoo", "nothing-invalidates-metoo", None, None),
            ("created", "claim", "it is a movement created by and for millions of survivors throughout the world", "milano", "favor", "metoo", "created-by-survivors", None, None),
            ("no-one-story", "claim", "No one story can discredit or undermine the power of our collective voices or our drive for sustainable change.", "milano", "against", "argento-undermines-metoo", "one-story-cannot-undermine", None, None),
        ],
        relations=[
            ("quick", "supports", "imminent", None),
            ("hypocritical", "attacks", "nullify", None),
            ("not-institutional", "attacks", "nullify", None),
            ("wrong", "rebuts", "hypocritical", None),
            ("wrong", "rebuts", "not-institutional", None),
            ("two-truths", "supports", "nullify", None),
            ("no-one-way", "supports", "two-truths", "Milano quotes Burke's tweet as support"),
            ("no-model", "supports", "two-truths", "Milano quotes Burke's tweet as support"),
            ("accountable", "supports", "two-truths", "Milano quotes Burke's tweet as support"),
            ("heart", "supports", "nullify", None),
            ("every-abuser", "supports", "heart", None),
            ("violence-wrong", "supports", "every-abuser", None),
            ("messy", "restates", "not-black-white", None),
            ("not-dismiss", "rebuts", "messy", None),
            ("keep-talking", "supports", "not-dismiss", None),
            ("gray-areas", "supports", "keep-talking", None),
            ("serves", "supports", "hot-take", None),
            ("slope", "supports", "hot-take", None),
            ("alive", "supports", "nullify", None),
            ("nothing", "restates", "nullify", None),
            ("created", "supports", "nothing", None),
            ("no-one-story", "restates", "nothing", None),
        ],
    ),
    "001": dict(
        file="001_ff871f241174ef25.txt", id="seed-001",
        meta=["--title", "Alyssa Milano: ‘Asia Argento allegations don’t invalidate #MeToo movement’",
              "--outlet", "myTalk 107.1", "--author", "Cover Media", "--genre", "news", "--language", "en"],
        speakers=[("cover-media", "Cover Media", "author"), ("milano", "Alyssa Milano", "quoted"),
                  ("critics", "many critics", "reported"), ("argento", "Asia Argento", "quoted"),
                  ("mcgowan", "Rose McGowan", "quoted"), ("sorvino", "Mira Sorvino", "quoted")],
        units=[
            ("paraphrase-nothing", "claim", "nothing can discredit the #MeToo movement following the claims against Asia Argento", "milano", "against", "argento-undermines-metoo", "nothing-invalidates-metoo", "the reporter's paraphrase", None),
            ("discredited", "counterclaim", "she has discredited the campaign", "critics", "favor", "argento-undermines-metoo", "argento-discredits-metoo", None, None),
            ("accused", "evidence", "being accused of sexual assaulting former child star Jimmy Bennett in a California hotel room in 2013, when he was 17 years old", "cover-media", None, None, "argento-accused", None, None),
            ("paraphrase-one-story", "claim", "one story cannot undermine the millions of accounts which have contributed to the movement", "milano", "against", "argento-undermines-metoo", "one-story-cannot-undermine", "the reporter's paraphrase", None),
            ("nullify", "claim", "one victim’s alleged horrid behavior does not nullify an entire movement", "milano", "against", "argento-undermines-metoo", "argento-case-does-not-invalidate", None, None),
            ("hot-take", "claim", "Discrediting #MeToo isn’t just a bad or ‘hot’ take", "milano", "against", "argento-undermines-metoo", "discrediting-not-a-hot-take", None, None),
            ("serves", "claim", "it directly serves the interests of those who benefit from a culture that demeans survivors and undermines the camaraderie of women who stand in solidarity to right these wrongs", "milano", "against", "argento-undermines-metoo", "discrediting-serves-abusers", None, None),
            ("nothing", "claim", "nothing can or will ever invalidate #MeToo", "milano", "against", "argento-undermines-metoo", "nothing-invalidates-metoo", None, None),
            ("created", "claim", "it is a movement created by and for millions of survivors throughout the world", "milano", "favor", "metoo", "created-by-survivors", None, None),
            ("no-one-story", "claim", "No one story can discredit or undermine the power of our collective voices or our drive for sustainable change.", "milano", "against", "argento-undermines-metoo", "one-story-cannot-undermine", None, None),
            ("alive", "claim", "the fact people are still coming forward with #MeToo stories proves that it is still very much “alive”", "milano", "favor", "metoo", "coming-forward-shows-alive", "the reporter's paraphrase", None),
            ("false", "claim", "the news that is absolutely false", "argento", "against", "argento-allegations-true", None, None, None),
            ("never", "claim", "I have never had any sexual relationship with Bennett.", "argento", "against", "argento-allegations-true", None, None, None),
            ("gentle", "claim", "be gentle” as they wait for “the truth of the situation", "mcgowan", "neutral", "argento-allegations-true", None, "the reporter's paraphrase", None),
            ("exonerated", "counterclaim", "Time will clarify things and perhaps she will be exonerated", "sorvino", "neutral", "argento-allegations-true", None, "conceded", None),
            ("no-lens", "rebuttal", "if true, there is no lens that makes it better", "sorvino", "favor", "accountability", None, None, None),
            ("heinous", "claim", "Child sexual assault is a heinous crime and is against all that I and the MeToo movement stands for.", "sorvino", None, None, None, None, None),
        ],
        relations=[
            ("accused", "supports", "discredited", "the critics' reason, as the report gives it"),
            ("paraphrase-one-story", "rebuts", "discredited", None),
            ("nullify", "rebuts", "discredited", None),
            ("nullify", "restates", "paraphrase-one-story", "the report quotes the words it paraphrased"),
            ("serves", "supports", "hot-take", None),
            ("nothing", "restates", "paraphrase-nothing", "the report quotes the words it paraphrased"),
            ("created", "supports", "nothing", None),
            ("no-one-story", "restates", "paraphrase-one-story", "the report quotes the words it paraphrased"),
            ("never", "supports", "false", None),
            ("false", "attacks", "accused", None),
            ("no-lens", "rebuts", "exonerated", None),
            ("heinous", "supports", "no-lens", None),
        ],
    ),
    "002": dict(
        file="002_ff8583a44754fd84.txt", id="seed-002",
        meta=["--outlet", "Catharsis Productions", "--author", "Catharsis Productions", "--genre", "blog", "--language", "en"],
        speakers=[("catharsis", "Catharsis Productions", "author"), ("burke", "Tarana Burke", "quoted"),
                  ("people", "people who use these recent news stories", "reported")],
        units=[
            ("accused", "evidence", "Asia Argento being accused of sexual assault by actor Jimmy Bennett", "catharsis", None, None, "argento-accused", None, None),
            ("not-invalidate", "position", "this report does not invalidate the movement or Argento’s own experience", "catharsis", "against", "argento-undermines-metoo", "argento-case-does-not-invalidate", None, None),
            ("spectrum", "claim", "it highlights the fact that sexual violence narratives exist in a wide spectrum no matter gender, race, age, class, sexual orientation, ability, belief or ethnicity", "catharsis", "favor", "metoo-inclusive", None, None, None),
            ("dismantle", "claim", "it is helping everyone to dismantle false beliefs and understand uncomfortable truths about power and abuse", "catharsis", "favor", "metoo", None, None, None),
            ("harmed-harm", "claim", "those who have been harmed sometimes go on to inflict that harm on others", "catharsis", None, None, None, None, None),
            ("men-victims", "claim", "It also sheds light on the fact that men can be victims and that women can be perpetrators.", "catharsis", "favor", "metoo-inclusive", None, None, None),
            ("not-blame", "claim", "This is not to blame the #MeToo movement for it.", "catharsis", "against", "argento-undermines-metoo", None, None, None),
            ("rape-culture", "claim", "this is an indicator of just how harmful rape culture is for our society", "catharsis", "favor", "systemic-problem", None, None, None),
            ("toxic", "claim", "how toxic masculinity makes it hard for society to understand that men can also be victims", "catharsis", "favor", "metoo-inclusive", None, None, None),
            ("safe-now", "claim", "It is until now that a lot of survivors feel safe and valid to come forward to share their experiences.", "catharsis", "favor", "metoo", None, None, None),
            ("not-only-women", "claim", "The movement has never been only about women", "catharsis", "favor", "metoo-inclusive", None, None, None),
            ("everyone", "claim", "it is about the reality that sexual violence can affect everyone and anyone", "catharsis", "favor", "metoo-inclusive", None, None, None),
            ("for-all", "claim", "the #metooMVMT is for all of us, including these brave young men who are now coming forward", "burke", "favor", "metoo-inclusive", None, None, None),
            ("jarring", "claim", "It will continue to be jarring when we hear the names of some of our faves connected to sexual violence unless we shift from talking about individuals and begin to talk about power.", "burke", "favor", "systemic-problem", None, None, None),
            ("power", "claim", "Sexual violence is about power and privilege.", "burke", "favor", "systemic-problem", None, None, None),
            ("doesnt-change", "claim", "That doesn’t change if the perpetrator is your favorite actress, activist or professor of any gender.", "burke", "favor", "systemic-problem", None, None, None),
            ("shift-culture", "claim", "we won’t shift the culture unless we get serious about shifting these false narratives", "burke", None, None, None, None, None),
            ("harm-reduction", "claim", "This issue is less about crime & punishment and more about harm and harm reduction.", "burke", None, None, None, None, None),
            ("shift-can", "claim", "A shift can happen.", "burke", "favor", "metoo", None, None, None),
            ("possibility", "claim", "This movement is making space for possibility.", "burke", "favor", "metoo", None, None, None),
            ("only-after", "claim", "it can only happen after we crack open the whole can of worms and get really comfortable with the uncomfortable reality that there is no one way to be a perpetrator", "burke", None, None, None, None, None),
            ("no-model", "claim", "there is no model survivor", "burke", None, None, "no-model-survivor", None, None),
            ("accountable", "claim", "we all have to be accountable for our individual behavior", "burke", "favor", "accountability", "accountable-for-behavior", None, None),
            ("use-stories", "counterclaim", "People will use these recent news stories to try and discredit this movement", "people", "favor", "argento-undermines-metoo", "argento-discredits-metoo", None, None),
            ("dont-let", "rebuttal", "don’t let that happen", "burke", "against", "argento-undermines-metoo", None, None, None),
            ("people-generated", "claim", "It is people generated.", "burke", "favor", "metoo", None, None, None),
        ],
        relations=[
            ("spectrum", "supports", "not-invalidate", None),
            ("harmed-harm", "supports", "not-invalidate", None),
            ("not-blame", "supports", "not-invalidate", None),
            ("rape-culture", "supports", "not-blame", None),
            ("toxic", "supports", "not-blame", None),
            ("everyone", "supports", "not-only-women", None),
            ("for-all", "supports", "not-only-women", "Catharsis quotes Burke's tweet as support"),
            ("power", "supports", "jarring", None),
            ("possibility", "supports", "shift-can", None),
            ("use-stories", "attacks", "possibility", None),
            ("dont-let", "rebuts", "use-stories", None),
            ("people-generated", "supports", "dont-let", None),
        ],
    ),
}

os.makedirs(OUT, exist_ok=True)
for tid, name in TARGETS:
    run("target", OUT, "--id", tid, "--name", name)
for pid, text, target, stance in PROPOSITIONS:
    args = ["proposition", OUT, "--id", pid, "--text", text]
    if target:
        args += ["--target", target, "--stance", stance]
    run(*args)
for key, art in ARTICLES.items():
    path = os.path.join(OUT, art["id"] + ".xml")
    if os.path.exists(path):
        os.remove(path)
    run("new", os.path.join(SEEDS, art["file"]), "-o", path, "--id", art["id"], *art["meta"])
    for sid, name, role in art["speakers"]:
        run("speaker", path, "--id", sid, "--name", name, "--role", role)
    ids = {}
    for label, kind, quote, speaker, stance, target, prop, note, occ in art["units"]:
        args = ["add", path, kind, "--quote", quote, "--speaker", speaker]
        if occ:
            args += ["--occurrence", str(occ)]
        if stance:
            args += ["--stance", stance, "--target", target]
        if prop:
            args += ["--proposition", prop]
        if note:
            args += ["--note", note]
        ids[label] = run(*args)
    for src, kind, dst, note in art["relations"]:
        rid = run("relate", path, ids[src], kind, ids[dst])
        if note:
            run("set", path, rid, "--note", note)
    print(key, len(art["units"]), "units", len(art["relations"]), "relations")
