#!/usr/bin/env bash
# Annotates argmark's seed corpus (issue 3) with the argmark CLI itself, from scratch.
#
#   Annotations/annotate-seeds.sh [OUT_FOLDER]
#
# OUT_FOLDER defaults to the folder this script is in (Annotations/). The script removes the five
# seed files and corpus.xml there and writes them again, so re-running it reproduces the committed
# annotations byte for byte. Environment:
#   ARGMARK  the argmark binary to run (default: argmark on PATH)
#   SEEDS    the folder with the five seed articles (default: ../shared/seeds beside the repository)
#
# Every unit is added with `argmark add ... --quote` (an exact quote of the article); the printed
# unit id is kept in a shell variable so `argmark relate` can connect the units into argument trees.
# Judgement calls are explained in Annotations/README.md.
set -euo pipefail
shopt -s inherit_errexit  # a failing argmark inside $(...) stops the script too

ARGMARK=${ARGMARK:-argmark}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${1:-$here}
SEEDS=${SEEDS:-$here/../../shared/seeds}

mkdir -p "$OUT"
rm -f "$OUT"/seed-000.xml "$OUT"/seed-001.xml "$OUT"/seed-002.xml "$OUT"/seed-003.xml "$OUT"/seed-004.xml "$OUT"/corpus.xml

# The article being annotated; the helpers below act on it.
file=""
# A no-break space (U+00A0): some seed texts have one where a quote shows a space.
nbsp=$(printf '\302\240')
notes=$(mktemp)
trap 'rm -f "$notes"' EXIT

# add TYPE SPEAKER QUOTE [argmark add options...]: adds a unit and prints its id.
add() {
    local type=$1 speaker=$2 quote=$3
    shift 3
    local id
    id=$("$ARGMARK" add "$file" "$type" --speaker "$speaker" --quote "$quote" "$@" 2>"$notes") || { cat "$notes" >&2; return 1; }
    # Quotes must match exactly (no forgiving match) and raise no warning, so re-runs are exact.
    if [ -s "$notes" ]; then
        cat "$notes" >&2
        echo "annotate-seeds.sh: fix the quote above to match the text exactly" >&2
        return 1
    fi
    printf '%s\n' "$id"
}
# rel FROM TYPE TO [--note TEXT]: relates two units (or, for undercuts, a unit to a relation).
# A supports or restates between units of different speakers carries a note saying why
# (docs/GUIDELINES.md §6).
rel() { "$ARGMARK" relate "$file" "$@" >/dev/null; }
# relid FROM TYPE TO: like rel, but prints the relation id (for a later undercuts).
relid() { "$ARGMARK" relate "$file" "$@"; }
# speaker ID NAME ROLE
speaker() { "$ARGMARK" speaker "$file" --id "$1" --name "$2" --role "$3" >/dev/null; }

# ---------------------------------------------------------------------------------------------
# Corpus vocabulary: stance targets and shared propositions (Annotations/corpus.xml).
# Targets are chosen so that sources can be compared on them (docs/GUIDELINES.md §5); a
# proposition links units of at least two sources that say the same thing (§8).
# ---------------------------------------------------------------------------------------------
target() { "$ARGMARK" target "$OUT" --id "$1" --name "$2" --description "$3" >/dev/null; }
proposition() { "$ARGMARK" proposition "$OUT" --id "$1" --text "$2" --target "$3" --stance "$4" >/dev/null; }
plain_proposition() { "$ARGMARK" proposition "$OUT" --id "$1" --text "$2" >/dev/null; }

target metoo "the #MeToo movement" \
    "favor: defends its value, legitimacy, vitality, the change it brings; against: disparages or rejects it (only where no more specific target fits)"
target argento-undermines-metoo "the allegations against Asia Argento undermine #MeToo" \
    "favor: the Argento case discredits or invalidates the movement; against: it does not (every answer to the critics, the Argento rule)"
target argento-allegations-true "the sexual-assault allegations against Asia Argento are true" \
    "favor: they are true; against: they are false; neutral: wait for the facts"
target systemic-problem "sexual harassment and abuse are a systemic problem of power and culture, not the acts of a few individuals" \
    "favor: it is everywhere, in every industry, a matter of power, culture and institutions; against: it is not institutional"
target centre-survivors "survivors' voices must be heard, believed and put at the centre" \
    "favor: shift the focus to the victims, believe and amplify them; against: dismiss them, keep the focus on the accused"
target accountability "people who commit sexual misconduct must face consequences" \
    "favor: hold every abuser accountable, stronger consequences, public shaming; against: spare them consequences"
target metoo-inclusive "#MeToo is for every victim of sexual violence, whatever their gender" \
    "favor: men can be victims and women perpetrators, the movement is about everyone; against: it is only about women"
target metoo-gone-too-far "feminism and #MeToo have gone too far" \
    "favor: the movement overreaches (collective blame, distrust between the sexes); against: it has not gone too far"
target redemption "a way back for people who committed sexual misconduct" \
    "favor: forgiveness, a comeback or a second chance is possible; against: offenders should be shunned for good"
target misconduct-continuum "sexual misconduct should be judged on a continuum of severity" \
    "favor: distinguish mild from serious offences and respond in proportion; against: there is no grey area"

plain_proposition argento-accused "Asia Argento has been accused of sexual assault."
plain_proposition argento-prominent "Asia Argento is a prominent figure of the #MeToo movement."
proposition argento-discredits-metoo "The allegations against Asia Argento discredit #MeToo: the movement is hypocritical." argento-undermines-metoo favor
proposition one-case-does-not-nullify "One victim's alleged misconduct does not nullify an entire movement: the Argento allegations do not invalidate #MeToo." argento-undermines-metoo against
proposition nothing-can-invalidate "Nothing can or will ever invalidate (or discredit) #MeToo." argento-undermines-metoo against
proposition created-by-millions "#MeToo is a movement created by and for millions of survivors throughout the world." metoo favor
proposition one-story-cannot-undermine "No one story can discredit or undermine the survivors' collective voice." argento-undermines-metoo against
proposition discrediting-serves-abusers "Discrediting #MeToo serves those who benefit from a culture that demeans survivors." argento-undermines-metoo against
proposition coming-forward-shows-alive "That people keep coming forward shows #MeToo is alive." metoo favor
proposition victim-can-be-offender "A victim of sexual abuse can also be an offender." argento-undermines-metoo against
proposition no-one-way-perpetrator "There is no one way to be a perpetrator." argento-undermines-metoo against
proposition no-model-survivor "There is no model survivor." argento-undermines-metoo against
plain_proposition imperfectly-human "We are imperfectly human."
proposition all-accountable "We all have to be accountable for our individual behavior." accountability favor
proposition accountability-at-heart "Accountability is at the very heart of the #MeToo movement." accountability favor
proposition metoo-for-every-victim "#MeToo is about and for everyone who has experienced sexual violence." metoo-inclusive favor
proposition shift-focus-to-victims "#MeToo shifted the focus from the abusers to the victims." centre-survivors favor
proposition problem-everywhere "Sexual harassment and abuse are a problem in every industry and everywhere, not just in Hollywood." systemic-problem favor
proposition show-magnitude "The point of 'me too' was to show the magnitude of the problem: how many have been harassed or assaulted." systemic-problem favor
plain_proposition replies-within-hours "About seven hours after Milano's tweet there were more than 30,000 'me too' replies (the units' notes give each source's figure)."
proposition lift-burke "Milano used her fame and platform to lift up Tarana Burke's work." metoo favor
proposition never-say-metoo "The hope is that our children will never have to say 'me too'." metoo favor

# ---------------------------------------------------------------------------------------------
# 000: Alyssa Milano's guest blog on TheWrap, 21 August 2018
# ---------------------------------------------------------------------------------------------
file="$OUT/seed-000.xml"
"$ARGMARK" new "$SEEDS/000_4df17bf2c55a06b5.txt" -o "$file" --id seed-000 \
    --title "Alyssa Milano on Asia Argento Accusations: ‘Stop Trying to Undermine the #MeToo Movement’ (Guest Blog)" \
    --outlet TheWrap --author "Alyssa Milano" --published 2018-08-21 --genre opinion --language en 2>/dev/null
speaker milano "Alyssa Milano" author
speaker critics "people who pounced on the Argento news" reported
speaker burke "Tarana Burke" quoted
quoting_burke="Milano quotes Burke's tweet as support (\"As my friend Tarana Burke eloquently tweeted\")"

e_story=$(add evidence milano "actress Asia Argento, one of Harvey Weinstein’s victims, settled with her own sexual assault accuser" \
    --proposition argento-accused)
c_imminent=$(add claim milano "attempts to invalidate the #MeToo movement were imminent" --note "frame \"I knew that\" left out")
c_pattern=$(add claim milano "Whenever a story involving sexual misconduct comes out that doesn’t perfectly fit a prescribed narrative, people are quick to discredit #MeToo and its validity")
e_pounced=$(add evidence milano "People pounced on the news that a vocal advocate for survivors has been accused of sexual battery")
cc_hypocritical=$(add counterclaim critics "#MeToo is hypocritical" \
    --stance favor --target argento-undermines-metoo --proposition argento-discredits-metoo)
cc_misogyny=$(add counterclaim critics "sexual harassment and assault are not part of institutional misogyny" --stance against --target systemic-problem)
rb_wrong=$(add rebuttal milano "They are wrong." --stance against --target argento-undermines-metoo)
c_victim_offender=$(add claim milano "A victim of assault can also be an offender." \
    --stance against --target argento-undermines-metoo --proposition victim-can-be-offender)
p_nullify=$(add position milano "one victim’s alleged horrid behavior does not nullify an entire movement" --occurrence 2 \
    --stance against --target argento-undermines-metoo --proposition one-case-does-not-nullify \
    --note "the thesis; the same sentence in the subheading (first occurrence) is editorial packaging")
e_one_way=$(add evidence burke "There is no one way to be a perpetrator" \
    --stance against --target argento-undermines-metoo --proposition no-one-way-perpetrator)
e_model=$(add evidence burke "there is no model survivor" \
    --stance against --target argento-undermines-metoo --proposition no-model-survivor)
e_imperfect=$(add evidence burke "We are imperfectly human" --proposition imperfectly-human)
e_accountable=$(add evidence burke "we all have to be accountable for our individual behavior" \
    --stance favor --target accountability --proposition all-accountable)
c_accountability=$(add claim milano "accountability is at the very heart of the #MeToo movement" \
    --stance favor --target accountability --proposition accountability-at-heart)
c_every_abuser=$(add claim milano "We hold any and every abuser accountable, regardless of their gender, race, socioeconomic status, public visibility or popularity." \
    --stance favor --target accountability)
c_violence_wrong=$(add claim milano "Sexual violence is wrong, full stop.")
cc_not_black_white=$(add counterclaim milano "the process of calling it out, and seeking justice and reform isn’t so black-and-white" \
    --note "conceded")
cc_messy=$(add counterclaim milano "It’s messy and complicated and sometimes disappointing" --note "conceded")
rb_dismiss=$(add rebuttal milano "the answer is not to dismiss the voices of survivors and advocates who are doing the work to shift our culture" \
    --stance favor --target centre-survivors)
c_keep_talking=$(add claim milano "we must keep talking")
c_gray_areas=$(add claim milano "The gray, complicated, areas of social justice and gender equality issues are where the conversations need to take place in order to define boundaries of what’s acceptable and permissible behavior.")
c_reject=$(add claim milano "we must reject false narratives and double standards (particularly with regards to the veracity of claims made by male victims vs. female victims)" \
    --stance favor --target metoo-inclusive)
c_believe=$(add claim milano "continue believing victims and amplifying their voices" --stance favor --target centre-survivors)
rb_serves=$(add rebuttal milano "Discrediting #MeToo isn’t just a bad or “hot” take; it directly serves the interests of those who benefit from a culture that demeans survivors and undermines the camaraderie of women who stand in solidarity to right these wrongs." \
    --stance against --target argento-undermines-metoo --proposition discrediting-serves-abusers)
c_slope=$(add claim milano "It is a misguided and slippery slope." --stance against --target argento-undermines-metoo)
c_alive=$(add claim milano "the fact that more people are publicly coming forward means that #MeToo is alive and swelling" \
    --stance favor --target metoo --proposition coming-forward-shows-alive)
p_nothing=$(add position milano "nothing can or will ever invalidate #MeToo" \
    --stance against --target argento-undermines-metoo --proposition nothing-can-invalidate)
e_millions=$(add evidence milano "it is a movement created by and for millions of survivors throughout the world" \
    --stance favor --target metoo --proposition created-by-millions)
c_one_story=$(add claim milano "No one story can discredit or undermine the power of our collective voices or our drive for sustainable change." \
    --stance against --target argento-undermines-metoo --proposition one-story-cannot-undermine)

rel "$c_pattern" supports "$c_imminent"
rel "$e_pounced" supports "$c_imminent"
rel "$e_pounced" supports "$cc_hypocritical" --note "the critics' reason: they leveraged the news"
rel "$cc_hypocritical" attacks "$p_nullify"
rel "$cc_misogyny" attacks "$p_nullify"
rel "$rb_wrong" rebuts "$cc_hypocritical"
rel "$rb_wrong" rebuts "$cc_misogyny"
rel "$c_victim_offender" supports "$rb_wrong"
rel "$e_one_way" supports "$c_victim_offender" --note "$quoting_burke"
rel "$e_model" supports "$c_victim_offender" --note "$quoting_burke"
rel "$e_imperfect" supports "$c_victim_offender" --note "$quoting_burke"
rel "$e_accountable" supports "$c_accountability" --note "$quoting_burke; \"Indeed\" takes it up"
rel "$c_accountability" supports "$rb_wrong"
rel "$c_every_abuser" supports "$c_accountability"
rel "$c_violence_wrong" supports "$c_every_abuser"
rel "$cc_not_black_white" attacks "$p_nullify"
rel "$cc_messy" restates "$cc_not_black_white"
rel "$rb_dismiss" rebuts "$cc_messy"
rel "$rb_dismiss" rebuts "$cc_not_black_white"
rel "$c_keep_talking" supports "$rb_dismiss"
rel "$c_gray_areas" supports "$c_keep_talking"
rel "$c_reject" supports "$rb_dismiss"
rel "$c_believe" supports "$rb_dismiss"
rel "$rb_serves" rebuts "$cc_hypocritical"
rel "$c_slope" supports "$rb_serves"
rel "$c_alive" supports "$p_nullify"
rel "$p_nothing" restates "$p_nullify"
rel "$e_millions" supports "$p_nothing"
rel "$c_one_story" supports "$p_nothing"

# ---------------------------------------------------------------------------------------------
# 001: myTalk 107.1 (Cover Media) re-reports 000 and the reactions of Argento, McGowan, Sorvino.
# A news report relays views without arguing; Milano's quoted and paraphrased sentences keep
# their speaker and their structure in 000.
# ---------------------------------------------------------------------------------------------
file="$OUT/seed-001.xml"
"$ARGMARK" new "$SEEDS/001_ff871f241174ef25.txt" -o "$file" --id seed-001 \
    --title "Alyssa Milano: ‘Asia Argento allegations don’t invalidate #MeToo movement’" \
    --outlet "myTalk 107.1" --author "Cover Media" --genre news --language en 2>/dev/null
speaker cover-media "Cover Media" author
speaker milano "Alyssa Milano" quoted
speaker critics "many critics of Asia Argento" reported
speaker argento "Asia Argento" quoted
speaker mcgowan "Rose McGowan" quoted
speaker sorvino "Mira Sorvino" quoted

p_lead=$(add position milano "nothing can discredit the #MeToo movement following the claims against Asia Argento" \
    --stance against --target argento-undermines-metoo --proposition nothing-can-invalidate \
    --note "the reporter's paraphrase of Milano's thesis")
e_figure=$(add evidence cover-media "The Italian actress became an outspoken figure in the #MeToo movement against sexual abuse after going public with claims against Harvey Weinstein last year" \
    --proposition argento-prominent)
cc_discredited=$(add counterclaim critics "she has discredited the campaign" \
    --stance favor --target argento-undermines-metoo --proposition argento-discredits-metoo)
e_accused=$(add evidence cover-media "being accused of sexual assaulting former child star Jimmy Bennett in a California hotel room in 2013, when he was 17 years old" \
    --proposition argento-accused)
c_insists=$(add claim milano "one story cannot undermine the millions of accounts which have contributed to the movement" \
    --stance against --target argento-undermines-metoo --proposition one-story-cannot-undermine \
    --note "the reporter's paraphrase")
c_nullify=$(add claim milano "one victim’s alleged horrid behavior does not nullify an entire movement" \
    --stance against --target argento-undermines-metoo --proposition one-case-does-not-nullify)
rb_serves=$(add rebuttal milano "Discrediting #MeToo isn’t just a bad or ‘hot’ take; it directly serves the interests of those who benefit from a culture that demeans survivors and undermines the camaraderie of women who stand in solidarity to right these wrongs." \
    --stance against --target argento-undermines-metoo --proposition discrediting-serves-abusers)
p_nothing=$(add position milano "nothing can or will ever invalidate #MeToo" \
    --stance against --target argento-undermines-metoo --proposition nothing-can-invalidate)
e_millions=$(add evidence milano "it is a movement created by and for millions of survivors throughout the world" \
    --stance favor --target metoo --proposition created-by-millions)
c_one_story=$(add claim milano "No one story can discredit or undermine the power of our collective voices or our drive for sustainable change." \
    --stance against --target argento-undermines-metoo --proposition one-story-cannot-undermine)
c_alive=$(add claim milano "the fact people are still coming forward with #MeToo stories proves that it is still very much “alive”" \
    --stance favor --target metoo --proposition coming-forward-shows-alive --note "the reporter's paraphrase")
c_false=$(add claim argento "the news that is absolutely false" --stance against --target argento-allegations-true \
    --note "\"deeply shocked and hurt\" is an emotional reaction and left out")
c_never=$(add claim argento "I have never had any sexual relationship with Bennett." --stance against --target argento-allegations-true)
c_gentle=$(add claim mcgowan "“be gentle” as they wait for “the truth of the situation”" --stance neutral --target argento-allegations-true \
    --note "\"heart is broken\" is an emotional reaction and left out")
rb_not_defending=$(add rebuttal mcgowan "I’m not defending")
c_time=$(add claim sorvino "Time will clarify things and perhaps she will be exonerated" --stance neutral --target argento-allegations-true \
    --note "\"reeling\" and \"heartsick\" are emotional reactions and left out")
c_no_lens=$(add claim sorvino "if true, there is no lens that makes it better")
c_heinous=$(add claim sorvino "Child sexual assault is a heinous crime")
c_stands_against=$(add claim sorvino "is against all that I and the MeToo movement stands for" --stance favor --target metoo)

rel "$e_accused" supports "$cc_discredited" --note "the critics' reason, given in their sentence (\"after being accused\")"
rel "$cc_discredited" attacks "$p_lead"
rel "$c_insists" supports "$p_lead"
rel "$c_nullify" supports "$p_lead"
rel "$rb_serves" rebuts "$cc_discredited"
rel "$p_nothing" restates "$p_lead"
rel "$e_millions" supports "$p_nothing"
rel "$c_one_story" supports "$p_nothing"
rel "$c_one_story" restates "$c_insists"
rel "$c_alive" supports "$p_lead"
rel "$c_never" supports "$c_false"
rel "$c_heinous" supports "$c_no_lens"
rel "$c_stands_against" supports "$c_no_lens"

# ---------------------------------------------------------------------------------------------
# 002: Catharsis Productions blog, closing with Tarana Burke's tweets
# ---------------------------------------------------------------------------------------------
file="$OUT/seed-002.xml"
"$ARGMARK" new "$SEEDS/002_ff8583a44754fd84.txt" -o "$file" --id seed-002 \
    --outlet "Catharsis Productions" --author "Catharsis Productions" --genre blog --language en 2>/dev/null
speaker catharsis "Catharsis Productions" author
speaker burke "Tarana Burke" quoted
speaker critics "people who use the news to discredit #MeToo" reported
sharing_burke="Catharsis shares Burke's tweets to make its point (\"To end this thought we would like to share\")"

e_accused=$(add evidence catharsis "Asia Argento being accused of sexual assault by actor Jimmy Bennett" --proposition argento-accused)
e_prominent=$(add evidence catharsis "Argento has become one of the most prominent figures of the #MeToo movement" --proposition argento-prominent \
    --note "\"These allegations are especially disturbing\" is an emotional reaction and left out")
p_not_invalidate=$(add position catharsis "this report does not invalidate the movement or Argento’s own experience" \
    --stance against --target argento-undermines-metoo --proposition one-case-does-not-nullify)
c_spectrum=$(add claim catharsis "it highlights the fact that sexual violence narratives exist in a wide spectrum no matter gender, race, age, class, sexual orientation, ability, belief or ethnicity" \
    --stance favor --target metoo-inclusive)
c_conversations=$(add claim catharsis "it is helping everyone to dismantle false beliefs and understand uncomfortable truths about power and abuse" \
    --stance favor --target metoo)
c_harmed=$(add claim catharsis "those who have been harmed sometimes go on to inflict that harm on others" \
    --stance against --target argento-undermines-metoo --proposition victim-can-be-offender)
c_men_victims=$(add claim catharsis "men can be victims" --stance favor --target metoo-inclusive)
c_women_perpetrators=$(add claim catharsis "women can be perpetrators" --stance favor --target metoo-inclusive)
rb_no_blame=$(add rebuttal catharsis "This is not to blame the #MeToo movement for it." --stance against --target argento-undermines-metoo \
    --note "\"Bennett's accusation is terrible to hear\" before it is an emotional reaction and left out")
c_rape_culture=$(add claim catharsis "this is an indicator of just how harmful rape culture is for our society" --stance favor --target systemic-problem)
c_toxic=$(add claim catharsis "toxic masculinity makes it hard for society to understand that men can also be victims" --stance favor --target metoo-inclusive)
c_safe=$(add claim catharsis "It is until now that a lot of survivors feel safe and valid to come forward to share their experiences." --stance favor --target centre-survivors)
c_not_only_women=$(add claim catharsis "The movement has never been only about women" --stance favor --target metoo-inclusive)
c_anyone=$(add claim catharsis "it is about the reality that sexual violence can affect everyone and anyone" \
    --stance favor --target metoo-inclusive --proposition metoo-for-every-victim)
b_for_all=$(add claim burke "the #metooMVMT is for all of us, including these brave young men who are now coming forward" \
    --stance favor --target metoo-inclusive --proposition metoo-for-every-victim)
b_jarring=$(add claim burke "It will continue to be jarring when we hear the names of some of our faves connected to sexual violence unless we shift from talking about individuals and begin to talk about power." \
    --stance favor --target systemic-problem)
b_power=$(add claim burke "Sexual violence is about power and privilege." --stance favor --target systemic-problem)
b_any_gender=$(add claim burke "That doesn’t change if the perpetrator is your favorite actress, activist or professor of any gender." \
    --stance against --target argento-undermines-metoo)
b_false_narratives=$(add claim burke "we won’t shift the culture unless we get serious about shifting these false narratives" \
    --stance favor --target systemic-problem)
b_hard_conversations=$(add claim burke "My hope is that as more folks come forward, particularly men, that we prepare ourselves for some hard conversations about power and humanity and privilege and harm" \
    --note "a hope the next sentence argues for: the span keeps \"My hope is that\"")
b_harm_reduction=$(add claim burke "This issue is less about crime & punishment and more about harm and harm reduction.")
b_shift=$(add claim burke "A shift can happen." --stance favor --target metoo)
b_possibility=$(add claim burke "This movement is making space for possibility." --stance favor --target metoo)
b_can_of_worms=$(add claim burke "it can only happen after we crack open the whole can of worms and get really comfortable with the uncomfortable reality")
b_one_way=$(add claim burke "there is no one way to be a perpetrator" \
    --stance against --target argento-undermines-metoo --proposition no-one-way-perpetrator)
b_model=$(add claim burke "there is no model survivor" \
    --stance against --target argento-undermines-metoo --proposition no-model-survivor)
b_imperfect=$(add claim burke "We are imperfectly human" --proposition imperfectly-human)
b_accountable=$(add claim burke "we all have to be accountable for our individual behavior" \
    --stance favor --target accountability --proposition all-accountable)
cc_people=$(add counterclaim critics "People will use these recent news stories to try and discredit this movement" \
    --stance favor --target argento-undermines-metoo --proposition argento-discredits-metoo \
    --note "Burke anticipates the view")
rb_dont=$(add rebuttal burke "don’t let that happen" --stance against --target argento-undermines-metoo)
b_about=$(add claim burke "This is what Movement is about.")
b_spectator=$(add claim burke "It’s not a spectator sport.")
b_people_generated=$(add claim burke "It is people generated.")
b_we_say=$(add claim burke "We get to say “this is/isn’t what this movement is about!”")

rel "$c_spectrum" supports "$p_not_invalidate"
rel "$c_conversations" supports "$p_not_invalidate"
rel "$c_harmed" supports "$c_conversations"
rel "$c_men_victims" supports "$c_conversations"
rel "$c_women_perpetrators" supports "$c_conversations"
rel "$c_rape_culture" supports "$rb_no_blame"
rel "$c_toxic" supports "$rb_no_blame"
rel "$c_not_only_women" supports "$p_not_invalidate"
rel "$c_anyone" supports "$c_not_only_women"
rel "$b_for_all" supports "$c_not_only_women" --note "$sharing_burke"
rel "$b_jarring" supports "$p_not_invalidate" --note "$sharing_burke"
rel "$b_power" supports "$b_jarring"
rel "$b_any_gender" supports "$b_jarring"
rel "$b_false_narratives" supports "$b_jarring"
rel "$b_harm_reduction" supports "$b_hard_conversations"
rel "$b_possibility" supports "$b_shift"
rel "$b_can_of_worms" supports "$b_shift"
rel "$b_one_way" supports "$p_not_invalidate" --note "$sharing_burke"
rel "$b_model" supports "$p_not_invalidate" --note "$sharing_burke"
rel "$b_imperfect" supports "$b_model"
rel "$b_accountable" supports "$b_model"
rel "$cc_people" attacks "$p_not_invalidate"
rel "$rb_dont" rebuts "$cc_people"
rel "$b_about" supports "$rb_dont"
rel "$b_spectator" supports "$rb_dont"
rel "$b_people_generated" supports "$rb_dont"
rel "$b_we_say" supports "$rb_dont"

# ---------------------------------------------------------------------------------------------
# 003: Die Weltwoche's e-mail interview with Alyssa Milano (late 2018). The interviewer is not
# named in the text. The reader comment in German after the interview, the newsletter teaser and
# the subscription banner are page furniture and stay unannotated.
# ---------------------------------------------------------------------------------------------
file="$OUT/seed-003.xml"
"$ARGMARK" new "$SEEDS/003_390148bdc4a9d2c1.txt" -o "$file" --id seed-003 \
    --title "The #MeToo Tweet That Changed Everything" \
    --outlet "Die Weltwoche" --genre interview --language en 2>/dev/null
speaker interviewer "the interviewer (Die Weltwoche)" interviewer
speaker milano "Alyssa Milano" interviewee
speaker friend "a friend of Milano's (the shared screenshot)" quoted
speaker kavanaugh-backers "those who backed Kavanaugh's confirmation" reported
speaker sotomayor "Sonia Sotomayor" quoted
speaker many-women "many women" reported
speaker anderson "Pamela Anderson" quoted
speaker bardot "Brigitte Bardot" quoted
speaker lewinsky "Monica Lewinsky" quoted
speaker dench "Judi Dench" reported
speaker hillary-clinton "Hillary Clinton" reported
speaker economist "The Economist (October poll)" reported
speaker damon "Matt Damon" quoted
speaker reardon "Kathleen Kelley Reardon" quoted
speaker conservative-women "conservative women (in the interviewer's words)" reported

# Milano's thesis: feminism has not gone too far. (Her other thesis, #MeToo as a huge, ongoing
# cultural change, is stated only in a noun phrase; it becomes an implicit position once
# argmark add --implicit exists.)
p_not_too_far=$(add position milano "Feminism has not gone too far." --stance against --target metoo-gone-too-far)

# Introduction and the tweet
c_shift_ap=$(add claim milano "The most important thing that it did was to shift the conversation away from the predator and to the victim." \
    --stance favor --target centre-survivors --proposition shift-focus-to-victims --note "quoted from the Associated Press")
e_poured=$(add evidence interviewer "Overnight, tens of thousands of sexual abuse survivors had poured out their personal and often harrowing #MeToo Twitter and Facebook replies.")
e_replies=$(add evidence interviewer "Within 7 hours, you had 35,000 replies." --proposition replies-within-hours \
    --note "35,000 within 7 hours; 004 has Milano say over 30,000 after seven hours")
e_retweets=$(add evidence interviewer "Within 24 hours, it had been re-tweeted over 12 million times.")
e_countries=$(add evidence interviewer "Within 48 hours, it had been re-tweeted in 82 countries.")
e_industry=$(add evidence milano "very quickly there were stories about a lot of abusers in my industry")
c_everywhere=$(add claim milano "it wasn't just a Hollywood problem - this was a problem in every industry, in every corner of the world" \
    --stance favor --target systemic-problem --proposition problem-everywhere)
c_magnitude=$(add claim friend "if all the women who have been sexually harassed or assaulted wrote ‘me too’ as a status, we might give people a sense of the magnitude of the problem" \
    --stance favor --target systemic-problem --proposition show-magnitude)
c_attention=$(add claim milano "It seemed like a perfect way to take attention away from the abusers and back on the women and men who had been on the receiving end of the abuse" \
    --stance favor --target centre-survivors --proposition shift-focus-to-victims)
c_power_sharing=$(add claim milano "there was power in that sharing" --stance favor --target metoo)
c_more_than=$(add claim milano "All of a sudden we were more than individual victims.")
c_collective=$(add claim milano "We were a collective.")
c_bigger=$(add claim milano "We were bigger than our abusers.")
c_stronger=$(add claim milano "We were stronger for sharing.")
c_not_about_me=$(add claim milano "it was important from the start that this was a movement that wasn't about me")
c_every_person=$(add claim milano "MeToo is about every person who's experienced sexual abuse or harassment" \
    --stance favor --target metoo-inclusive --proposition metoo-for-every-victim)
c_lift_others=$(add claim milano "I tried right away to lift the voices of other people who don't have my microphone" \
    --stance favor --target centre-survivors)
c_lift_burke=$(add claim milano "I hope that my having some degree of celebrity has been able to lift her, and everyone else who has been doing this work for so long without the visibility it deserved" \
    --stance favor --target metoo --proposition lift-burke)

rel "$c_attention" restates "$c_shift_ap"
rel "$c_more_than" supports "$c_power_sharing"
rel "$c_collective" supports "$c_power_sharing"
rel "$c_bigger" supports "$c_power_sharing"
rel "$c_stronger" supports "$c_power_sharing"
rel "$c_every_person" supports "$c_not_about_me"
rel "$c_lift_others" supports "$c_not_about_me"
rel "$c_lift_burke" supports "$c_not_about_me"

# Kavanaugh
# "Yeah, definitely." / "I feel rage" / "I feel more resolve than ever" report feelings (no units);
# the reasons Milano gives argue for the verdict the feeling implies (an implicit claim).
e_witness=$(add evidence milano "we had an incredibly credible witness with nothing to gain and so much to lose who came forward to tell her story about a man in power who acted against her")
c_silence_her=$(add claim milano "we had a group of men who did everything they could to silence her, to humiliate her, to minimize her experience")
cc_not_by_kavanaugh=$(add counterclaim kavanaugh-backers "I believe she was abused, but I don't believe she was abused by Kavanaugh" \
    --note "frame kept: the line contrasts two beliefs")
rb_pandering=$(add rebuttal milano "That's such disgusting pandering.")
rb_cowardice=$(add rebuttal milano "It's cowardice.")
rb_insincere=$(add rebuttal milano "It's insincere, and it's for politics.")
c_deciding_vote=$(add claim milano "not only will this man who had multiple credible allegations of sexual abuse raised against him sit on the court, he'll do so at a time when he could very well be the deciding vote on matters of critical importance to women and women's health")
e_nominated=$(add evidence milano "he was nominated by a man who has many, many credible allegations of sexual misconduct against him")
c_pay=$(add claim milano "They're going to pay for that dearly in 2020.")
c_not_focus=$(add claim milano "I don't think that should be the focus of this Congress" --note "impeaching Trump")
e_look_away=$(add evidence milano "the Senate showed us that they have an almost supernatural ability to look the other way when it comes to his misdeeds")
c_fifth_avenue=$(add claim milano "Trump could actually shoot someone in the middle of Fifth Avenue, and this Senate wouldn't convict him.")
c_tough_map=$(add claim milano "The GOP has a very tough map to defend in the Senate.")

rel "$cc_not_by_kavanaugh" attacks "$e_witness"
rel "$rb_pandering" rebuts "$cc_not_by_kavanaugh"
rel "$rb_cowardice" rebuts "$cc_not_by_kavanaugh"
rel "$rb_insincere" rebuts "$cc_not_by_kavanaugh"
rel "$c_tough_map" supports "$c_pay"
rel "$e_look_away" supports "$c_not_focus"
rel "$c_fifth_avenue" supports "$c_not_focus"

# Sotomayor's "family"
c_family=$(add claim sotomayor "The nine of us are now a family")
c_impartiality=$(add claim milano "the Supreme Court has to do all it can to maintain the image (and, I would hope, the reality) of impartiality")
c_under_assault=$(add claim milano "The institutions of this nation are under assault from the Executive Branch.")
e_courts=$(add evidence milano "Trump is going after the appellate courts in a way no president ever has.")
e_media=$(add evidence milano "He's attacking the media.")
c_trust=$(add claim milano "He’s undermining trust in those very things which are able to hold him to account for his wrongdoings and his shortcomings.")
c_sotomayor_sees=$(add claim milano "Justice Sotomayor sees this, as does Justice Roberts and the rest of the Court, and is trying to counter that")
e_showed=$(add evidence milano "He showed us who he was.")

rel "$c_under_assault" supports "$c_impartiality"
rel "$e_courts" supports "$c_under_assault"
rel "$e_media" supports "$c_under_assault"
rel "$c_trust" supports "$c_under_assault"
rel "$c_impartiality" supports "$c_sotomayor_sees"

# Has feminism gone too far?
cc_collective_blame=$(add counterclaim many-women "#MeToo has gone too far in assigning collective blame (i.e. “all males”, “testosterone poisoning”, etc.)" \
    --stance favor --target metoo-gone-too-far)
cc_distrust=$(add counterclaim many-women "deepening the distrust between men and women" --stance favor --target metoo-gone-too-far)
cc_bore=$(add counterclaim anderson "this third wave of feminism is a bore" --stance favor --target metoo-gone-too-far)
cc_paralyzes=$(add counterclaim anderson "paralyzes men" --stance favor --target metoo-gone-too-far \
    --note "unanswered: Milano answers the question whether feminism can go too far, not this reason for it")
cc_can_go_too_far=$(add counterclaim anderson "feminism can go too far" --stance favor --target metoo-gone-too-far)
rb_not_at_all=$(add rebuttal milano "No, not at all." --stance against --target metoo-gone-too-far)
c_conditional=$(add claim milano "If women are earning much more than men, if men have to struggle to have access to power; if men have to overcome the societal hurdles women currently face while women hold onto power and do all they can to keep men out; if men have to worry about reporting abuse and harassment at work or at home for fear of retaliation? Then feminism will have gone too far." \
    --stance against --target metoo-gone-too-far)
cc_courts=$(add counterclaim milano "It's important that the courts convict the guilty and acquit the innocent." \
    --stance favor --target metoo-gone-too-far --note "conceded")
rb_never_come_forward=$(add rebuttal milano "we live in a time when most victims of sexual assault and harassment never come forward" \
    --stance against --target metoo-gone-too-far)
e_not_convicted=$(add evidence milano "Where most rapists are not convicted.")
e_blamed=$(add evidence milano "Where victims are blamed and perpetrators are free.")
e_turner=$(add evidence milano "Look at the Brock Turner case in California.")
e_parental=$(add evidence milano "We have states in America where rapists are given parental rights, where victims have to not only life with their rape, they have to remain tied to that rapist.")
e_congress=$(add evidence milano "Women make up more than 50% of the population but less than 30% of the Congress.")
c_not_far_enough=$(add claim milano "It's not gone far enough yet." --stance against --target metoo-gone-too-far)

rel "$cc_collective_blame" attacks "$p_not_too_far"
rel "$cc_distrust" attacks "$p_not_too_far"
rel "$cc_bore" attacks "$p_not_too_far"
rel "$cc_paralyzes" supports "$cc_can_go_too_far"
rel "$cc_can_go_too_far" attacks "$p_not_too_far"
rel "$rb_not_at_all" rebuts "$cc_can_go_too_far"
rel "$rb_not_at_all" rebuts "$cc_collective_blame"
rel "$rb_not_at_all" rebuts "$cc_distrust"
rel "$rb_not_at_all" rebuts "$cc_bore"
rel "$c_conditional" supports "$rb_not_at_all"
rel "$cc_courts" attacks "$p_not_too_far"
rel "$rb_never_come_forward" rebuts "$cc_courts"
rel "$e_not_convicted" supports "$rb_never_come_forward"
rel "$e_blamed" supports "$rb_never_come_forward"
rel "$e_turner" supports "$rb_never_come_forward"
rel "$e_parental" supports "$rb_never_come_forward"
rel "$e_congress" supports "$c_not_far_enough"
rel "$c_not_far_enough" supports "$p_not_too_far"

# Bardot; sexuality at work
cc_hypocritical=$(add counterclaim bardot "most female actors who protest sexual harassment are “hypocritical” and “ridiculous”" \
    --stance against --target metoo)
cc_tease=$(add counterclaim bardot "many “tease” producers to land film roles" --stance against --target metoo)
rb_absolutely_not=$(add rebuttal milano "No. Absolutely not." --stance favor --target metoo)
e_weinstein=$(add evidence milano "Look at Harvey Weinstein and his horrible deeds.")
e_force=$(add evidence milano "So many men in power have used that power to force women into sex.")
c_not_sought=$(add claim milano "This is not something women seek out.")
c_cure_culture=$(add claim milano "We need to cure the culture that sets women up for this." --stance favor --target systemic-problem)
c_women_power=$(add claim milano "We can do that when more women in all industries are in positions of power.")
c_sex_not_bad=$(add claim milano "Sex is not bad.")
c_power_dynamics=$(add claim milano "Power dynamics being used to manipulate people sexually is." \
    --stance favor --target systemic-problem)

rel "$rb_absolutely_not" rebuts "$cc_hypocritical"
rel "$rb_absolutely_not" rebuts "$cc_tease"
rel "$e_weinstein" supports "$rb_absolutely_not"
rel "$e_force" supports "$rb_absolutely_not"
rel "$c_not_sought" supports "$rb_absolutely_not"
rel "$c_women_power" supports "$c_cure_culture"
rel "$c_sex_not_bad" supports "$c_cure_culture"
rel "$c_power_dynamics" supports "$c_cure_culture"

# Consequences for harassers; should women toughen up?
cc_lewinsky=$(add counterclaim lewinsky "she’s not disappointed in him for never apologizing to her personally" --stance favor --target redemption)
cc_better_man=$(add counterclaim lewinsky "He would be a better man for it." --stance favor --target redemption)
cc_zen=$(add counterclaim interviewer "I understand needing to be Zen and find a personal place of forgiveness, especially when the perpetrator’s lack of remorse requires you dig deep to find closure." \
    --stance favor --target redemption --note "conceded; \"But…\" and the question answer it")
c_too_much_attention=$(add claim interviewer "we, women, pay far too much attention to the personal and public consequences for the harasser" \
    --stance against --target redemption --note "the interviewer's view, put as a question and argued for")
rb_who_cares=$(add rebuttal interviewer "Who cares if Bill Clinton could be better man?" --stance against --target redemption \
    --note "rhetorical question")
c_no_damn=$(add claim milano "I don't give a damn about public consequences for the harasser" --stance against --target redemption)
c_into_light=$(add claim milano "So much of what has come of this past year is bringing these bad actors out into the light." --stance favor --target metoo)
c_shameful=$(add claim milano "We need to make victimizing a shameful act instead of making the state of being a victim a shameful act.")
cc_turn_around=$(add counterclaim milano "Is there room for someone to turn their life around? Sure." \
    --stance favor --target redemption --note "conceded by Milano")
rb_barring=$(add rebuttal milano "sexual abuse should be permanently barring from public office. From fame. From fortune." \
    --stance against --target redemption)
c_deterrent=$(add claim milano "Public shaming is a deterrent." --stance favor --target accountability)
e_pleaded=$(add evidence interviewer "I pleaded that she not to be fired because I knew she had bills to pay and a family to help support" \
    --note "the interviewer's own experience")
e_too_nice=$(add evidence interviewer "Looking back, I was way too nice for far too long.")
e_men_justice=$(add evidence interviewer "Men are able to mete out justice without concern for any of that.")
e_confronting=$(add evidence interviewer "they seem to be much more comfortable confronting jerks")
cc_toughen_up=$(add counterclaim interviewer "women need to toughen up" --note "put as a question")
rb_consequences=$(add rebuttal milano "the consequences need to be stronger for men who commit these acts" --stance favor --target accountability)
c_harder_time=$(add claim milano "Women have a harder time confronting jerks because the consequences have for so long been directed at the women making the accusations.")
c_safe_report=$(add claim milano "When it's safe for women to report abuse, women will report abuse.")
c_companies=$(add claim milano "Companies need to do a much better job of this.")

rel "$c_too_much_attention" rebuts "$cc_lewinsky"
rel "$c_too_much_attention" rebuts "$cc_zen"
rel "$rb_who_cares" rebuts "$cc_better_man"
rel "$rb_who_cares" supports "$c_too_much_attention"
rel "$c_into_light" supports "$c_no_damn"
rel "$c_shameful" supports "$c_no_damn"
rel "$cc_turn_around" attacks "$c_no_damn"
rel "$rb_barring" rebuts "$cc_turn_around"
rel "$c_deterrent" supports "$c_no_damn"
rel "$e_pleaded" supports "$e_too_nice"
rel "$e_too_nice" supports "$cc_toughen_up"
rel "$e_men_justice" supports "$cc_toughen_up"
rel "$e_confronting" supports "$cc_toughen_up"
rel "$rb_consequences" rebuts "$cc_toughen_up"
rel "$c_harder_time" supports "$rb_consequences"
rel "$c_safe_report" supports "$rb_consequences"
rel "$c_safe_report" supports "$c_companies"

# Redemption and forgiveness
e_louis_ck=$(add evidence interviewer "Louis C.K. is already back on stage." --stance favor --target redemption)
cc_dench=$(add counterclaim dench "defended her “good friend” Kevin Spacey" --stance favor --target redemption)
c_degrees=$(add claim milano "there are degrees of wrongdoing" --stance favor --target misconduct-continuum)
rb_only_victims=$(add rebuttal milano "Forgiveness can only be given by the victims" --stance against --target redemption)
c_come_back=$(add claim milano "Learn from it and come back." --stance favor --target redemption)
c_disappear=$(add claim milano "Disappear forever – hopefully after a public trial and long, long jail sentence and financial restitution to their victims." \
    --stance against --target redemption)
cc_reclaim=$(add counterclaim milano "there's room for people to reclaim a life" --stance favor --target redemption --note "conceded")
rb_not_lauded=$(add rebuttal milano "They should not be lauded, they should not be revered." --stance against --target redemption)
c_their_time=$(add claim milano "to some degree we have to understand the time people came up in" --stance favor --target redemption)
e_bush=$(add evidence milano "George H.W. Bush comes to mind - he's done some not great things.")
e_admitted=$(add evidence milano "He's admitted to it.")
c_not_tarnish=$(add claim milano "I don't think it should forever tarnish things" --stance favor --target redemption)
c_allen_polanski=$(add claim milano "Woody Allen and Roman Polanski can disappear." --stance against --target redemption)
c_careers_done=$(add claim milano "Their careers should be done." --stance against --target redemption)

rel "$cc_dench" attacks "$rb_not_lauded"
rel "$rb_only_victims" rebuts "$cc_dench"
rel "$c_come_back" supports "$c_degrees"
rel "$c_disappear" supports "$c_degrees"
rel "$cc_reclaim" attacks "$rb_not_lauded"
rel "$rb_not_lauded" rebuts "$cc_reclaim"
rel "$rb_not_lauded" supports "$c_degrees"
rel "$c_their_time" supports "$c_degrees"
rel "$e_bush" supports "$c_not_tarnish"
rel "$e_admitted" supports "$c_not_tarnish"
rel "$c_not_tarnish" supports "$c_their_time"
rel "$c_allen_polanski" supports "$c_degrees"
rel "$c_careers_done" supports "$c_allen_polanski"

# Hillary Clinton
c_same_standards=$(add claim interviewer "You’ve made a notable effort to hold everyone to the same ethical standards regardless of party, politics, vocation or even past alliances.")
e_womens_march=$(add evidence interviewer "You’ve spoken out regarding the current leadership of the Women’s March for their silence regarding anti-Semitism.")
c_fbi=$(add claim milano "Bill Clinton should have been investigated by the FBI" --stance favor --target accountability \
    --note "quoted by the interviewer")
c_accountability=$(add claim milano "accountability is at the very heart of the #MeToo movement" \
    --stance favor --target accountability --proposition accountability-at-heart --note "quoted by the interviewer")
cc_not_abuse=$(add counterclaim hillary-clinton "rejects characterizing her husband’s relationship with Ms. Lewinsky as an “abuse of power”")
e_adult=$(add evidence hillary-clinton "Monica was an adult")
c_not_leader=$(add claim milano "I don't think she is a leader of the #MeToo movement.")
c_also_victim=$(add claim milano "She's also a victim of Bill Clinton's behavior.")
cc_could_do_better=$(add counterclaim milano "Do I think she could have and could do better on these matters? Sure." --note "conceded")
e_hillary_accused=$(add evidence milano "Hillary Clinton was accused of defending her husband against allegations of sexual abuse and sexual abuse of power.")
e_trump_accused=$(add evidence milano "Donald Trump was accused of sexual abuse.")
rb_demonizing=$(add rebuttal milano "we're demonizing her")
c_slaughtered=$(add claim milano "she would have been slaughtered by the right for supporting an abuse of power")
rb_cycle=$(add rebuttal milano "This is part of the cycle of victimization.")

rel "$e_womens_march" supports "$c_same_standards"
rel "$c_fbi" supports "$c_same_standards" --note "the interviewer cites Milano's own statements as examples"
rel "$c_accountability" supports "$c_same_standards" --note "the interviewer cites Milano's own statements as examples"
r_hillary=$(relid "$cc_not_abuse" attacks "$c_accountability")
rel "$e_adult" supports "$cc_not_abuse"
rel "$cc_could_do_better" attacks "$c_also_victim"
rel "$rb_demonizing" rebuts "$cc_could_do_better"
rel "$e_hillary_accused" supports "$rb_demonizing"
rel "$e_trump_accused" supports "$rb_demonizing"
rel "$rb_demonizing" supports "$rb_cycle"
rel "$c_slaughtered" supports "$rb_cycle"
rel "$c_also_victim" supports "$rb_cycle"
rel "$rb_cycle" undercuts "$r_hillary"

# 2020
cc_improvement=$(add counterclaim milano "anybody in the field would be a huge improvement over the current president" \
    --note "conceded (\"That said\")")
rb_not_again=$(add rebuttal milano "I hope neither Secretary Clinton or Senator Sanders run again." --note "a hope argued for: the span keeps \"I hope\"")
e_division=$(add evidence milano "There is too much division in our party between the two camps that has not yet healed.")
c_united=$(add claim milano "We need to find a nominee, and get united behind them, not relitigate 2016 over and over again.")

rel "$cc_improvement" attacks "$rb_not_again"
rel "$rb_not_again" rebuts "$cc_improvement"
rel "$e_division" supports "$rb_not_again"
rel "$c_united" supports "$rb_not_again"

# The Economist poll: a shift against victims
cc_poll=$(add counterclaim economist "over the past year there has been a “small but clear shift against victims” of harassment")
e_right_wing=$(add evidence milano "I've seen the right-wing \"new\" media go after victims, over and over again.")
e_troll_farms=$(add evidence milano "I've seen social media troll farms again attack women who come out against their abusers.")
c_demons=$(add claim milano "I see the same demons in our culture, the same toxicity, fighting for its life and its entrenched power.")
c_grip=$(add claim milano "Any time those entrenched in power find their power threatened, they fight, hard, to maintain that grip.")
rb_temporary=$(add rebuttal milano "It’s pathetic and weak and temporary, and ultimately will not be effective." --stance favor --target centre-survivors)

rel "$e_right_wing" supports "$c_demons"
rel "$e_troll_farms" supports "$c_demons"
rel "$c_grip" supports "$c_demons"
rel "$c_demons" supports "$rb_temporary"
rel "$rb_temporary" rebuts "$cc_poll"

# Matt Damon's continuum; the grey area
cc_spectrum=$(add counterclaim damon "there’s a spectrum of behavior that should be addressed proportionately" \
    --stance favor --target misconduct-continuum)
cc_delineating=$(add counterclaim damon "We have to start delineating between what these behaviors are" \
    --stance favor --target misconduct-continuum)
e_scale=$(add evidence interviewer "has developed a scale of harassing behavior")
cc_grey_area=$(add counterclaim reardon "the grey area when it comes to delineating mild to serious forms of gender-based offenses" \
    --stance favor --target misconduct-continuum)
c_never_taught=$(add claim milano "Matt's probably a good guy who, like many men in this nation, were never taught better")
rb_harmful=$(add rebuttal milano "He said something that I found harmful and dangerous." --stance against --target misconduct-continuum)
c_call_out=$(add claim milano "we need to call out men when we see them get it wrong")
cc_continuum=$(add counterclaim milano "we have a continuum of offenses, enshrined in our law and in our morals" \
    --stance favor --target misconduct-continuum --note "conceded: Milano grants Damon's continuum; \"though\" answers it")
c_teach=$(add claim milano "We need to teach it in our culture, in our schools, in our homes - and it needs to start with inviolable consent.")
c_young=$(add claim milano "We need to teach about these things at very young ages, and for many years to break this.")
rb_no_grey=$(add rebuttal milano "If we start at inviolable consent, though, there is no grey area." --stance against --target misconduct-continuum)

rel "$cc_delineating" restates "$cc_spectrum"
rel "$e_scale" supports "$cc_grey_area" --note "the interviewer reports Reardon's scale as the ground of her recommendation"
rel "$cc_grey_area" supports "$cc_spectrum" --note "the interviewer sets Reardon's recommendation beside Damon's view"
rel "$rb_harmful" rebuts "$cc_spectrum"
rel "$rb_harmful" rebuts "$cc_delineating"
rel "$c_call_out" supports "$rb_harmful"
rel "$c_never_taught" supports "$c_call_out"
rel "$cc_continuum" attacks "$rb_harmful"
rel "$rb_no_grey" rebuts "$cc_continuum"
rel "$c_young" supports "$c_teach"
rel "$c_teach" supports "$rb_no_grey"
rel "$rb_no_grey" rebuts "$cc_grey_area"

# Conservative women; the rest of the interview
cc_agenda=$(add counterclaim conservative-women "don’t necessarily agree with the sweeping Feminist agenda")
rb_not_politics=$(add rebuttal milano "#MeToo is not about politics" --stance favor --target metoo)
c_inserting=$(add claim milano "inserting politics into it undermines us all")
c_agree=$(add claim milano "we don't need to agree on everything to see that these behaviors hurt us all")
e_lauer=$(add evidence milano "you may disagree ways to address the pay gap and still say what Matt Lauer did at NBC was unbelievably toxic")
c_transcends=$(add claim milano "Just as #MeToo raced across national, societal, language, religious, cultural, and economic barriers, it also transcends political barriers." \
    --stance favor --target metoo)
c_deserve=$(add claim milano "you deserve a culture which believes and honors you and a government which protects you" --stance favor --target centre-survivors)
c_never_say=$(add claim milano "is that you never have to say #MeToo" --stance favor --target metoo --proposition never-say-metoo \
    --note "from Milano's video for her daughter, quoted by the interviewer")
c_healthier=$(add claim milano "these painful times will make for a healthier world for them" --stance favor --target metoo)
c_shaming_changed=$(add claim milano "the public shaming with consequences has already changed it" --stance favor --target accountability)
e_films=$(add evidence milano "We're seeing more films led by women, directed by women, written by women, in more genres than \"rom-com.\"")
e_pay=$(add evidence milano "We're seeing men refuse to take more pay than women.")
c_church_failed=$(add claim milano "the Catholic Church has failed the Catholic faith")
e_enabled=$(add evidence milano "That the institution has enabled and even encouraged such terrible abuse.")
c_separate=$(add claim milano "that is separate from faith")
c_faith_role=$(add claim milano "whatever guides people, whatever gives them strength, whatever they can draw on to be the best version of themselves has a critical role in the goals and principles of #MeToo" \
    --stance favor --target metoo)
c_for_all_of_you=$(add claim milano "#MeToo is for all of you" --stance favor --target metoo)

rel "$rb_not_politics" rebuts "$cc_agenda"
rel "$c_inserting" supports "$rb_not_politics"
rel "$c_agree" supports "$rb_not_politics"
rel "$e_lauer" supports "$c_agree"
rel "$c_transcends" supports "$rb_not_politics"
rel "$c_deterrent" supports "$c_shaming_changed"
rel "$e_films" supports "$c_shaming_changed"
rel "$e_pay" supports "$c_shaming_changed"
rel "$e_enabled" supports "$c_church_failed"
rel "$c_separate" supports "$c_faith_role"

# ---------------------------------------------------------------------------------------------
# 004: Forbes interview by Michelle King. The Forbes chrome (BETA banner, "More From Forbes",
# "Edit Story", "Following", the age notice, the "Dirk Franke" credit line and the closing
# follow/website prompt) stays unannotated.
# ---------------------------------------------------------------------------------------------
file="$OUT/seed-004.xml"
"$ARGMARK" new "$SEEDS/004_4121eeeb1cc65138.txt" -o "$file" --id seed-004 \
    --title "Alyssa Milano On What Is Next For #MeToo" \
    --outlet Forbes --author "Michelle King" --genre interview --language en 2>/dev/null
speaker king "Michelle King" interviewer
speaker milano "Alyssa Milano" interviewee
speaker competition-narrative "the narrative that women compete with each other" reported

# Milano's thesis: #MeToo is much more than a hashtag. ("to see to it that meaningful change is
# implemented" is an infinitive, not a proposition: no unit.) The answers about what comes next
# are demands that stand on their own; none is linked to the thesis the text does not link them to.
p_hashtag=$(add position milano "This is so much more than a hashtag." --stance favor --target metoo)

c_sea_change=$(add claim king "she had no idea the sea change she would create" --stance favor --target metoo)
e_no_woman=$(add evidence milano "I personally do not know one woman that has not faced some form of harassment, abuse or assault" \
    --stance favor --target systemic-problem)
c_aim=$(add claim milano "raise awareness of the number of women around the world who have experienced sexual harassment" \
    --stance favor --target systemic-problem --proposition show-magnitude --note "the interviewer's paraphrase of Milano's aim")
c_lift_burke=$(add claim milano "it was my mission to use my platform to lift Tarana Burke’s work up" \
    --stance favor --target metoo --proposition lift-burke)
c_hope=$(add claim milano "It is hope." --stance favor --target metoo)
c_silence=$(add claim milano "Hope that silence won’t be the norm for future generations.")
c_children=$(add claim milano "Hope that my children will never have to say, ‘Me Too’" --stance favor --target metoo --proposition never-say-metoo)
c_predator_narrative=$(add claim milano "The narrative was focused on the predator, the abuser and specifically, the abusers in the entertainment industry")
c_shift_focus=$(add claim milano "I wanted to shift the focus to the survivor" --stance favor --target centre-survivors --proposition shift-focus-to-victims)
c_everywhere=$(add claim milano "this is an issue everywhere" --stance favor --target systemic-problem --proposition problem-everywhere)
e_all_industries=$(add evidence milano "People deal with inequality, harassment and assault, in many forms, across all industries." \
    --stance favor --target systemic-problem)
cc_instrumental=$(add counterclaim milano "it’s so instrumental to the movement that women shared their heartbreaking stories and held their abusers accountable" \
    --stance favor --target accountability --note "conceded (\"although\")")
rb_solidarity=$(add rebuttal milano "the original intent was for women to stand in solidarity and say, ‘Me Too,’ without having to name names or tell their story")
c_numbers=$(add claim milano "I wanted to focus on the numbers and how widespread and prevalent this issue is." \
    --stance favor --target systemic-problem --proposition show-magnitude)
c_magnitude=$(add claim milano "We really needed to do that to understand the magnitude of the issue." \
    --stance favor --target systemic-problem --proposition show-magnitude)
e_replies=$(add evidence milano "there were over 30,000 replies of the hash tag ‘Me Too.’" --proposition replies-within-hours \
    --note "over 30,000 seven hours later; 003 has the interviewer say 35,000 within 7 hours")
e_burke_work=$(add evidence milano "the life changing work that Tarana Burke is doing for underrepresented and disenfranchised survivors of assault")
c_impact=$(add claim milano "it was making real impact" --stance favor --target metoo)
e_konjit=$(add evidence milano "UNICEF (I’m a goodwill ambassador) shared${nbsp}a story${nbsp}with me about a young girl in Ethiopia name Konjit who spoke out against a teacher and his misconduct")
c_boundaries=$(add claim milano "We need to work together to set boundaries and be vocal about those boundaries.")
c_leadership=$(add claim milano "We need political leadership that shouldn’t include accused predators." --stance favor --target accountability)
c_policy=$(add claim milano "We need to put policy in place that offers protections.")
c_systemic=$(add claim milano "We need to address the systemic inequality and injustice in the workplace." --stance favor --target systemic-problem)
c_lift_voices=$(add claim milano "We need to lift up the voices of the disenfranchised and the underrepresented" --stance favor --target centre-survivors)
c_not_tolerate=$(add claim milano "make sure people understand we will not tolerate discrimination, harassment, inequality or assault")
c_need_men=$(add claim milano "We really need men.")
c_mentality=$(add claim milano "Help us by not being a part of the mentality and culture that allows for this behavior to continue and be permissible.")
c_locker_room=$(add claim milano "Don’t be a part of “locker room talk” behavior or conversations.")
c_hire=$(add claim milano "hire more people who are underrepresented")
c_board_room=$(add claim milano "Make sure the board room reflects the wonderful diversity we are as people.")
c_women_supporting=$(add claim king "The power of ‘Me Too’ has been women supporting women." --stance favor --target metoo)
rb_competition=$(add rebuttal milano "we need to try to break the habit of buying into the narrative" --stance favor --target metoo)
cc_competition=$(add counterclaim competition-narrative "women are all in competition with each other" --stance against --target metoo)
c_reporting=$(add claim milano "tell her you will go with her and support her through the reporting process")
rb_not_fragile=$(add rebuttal milano "Have faith that this is not a fragile movement." --stance favor --target metoo)
c_patriarchy=$(add claim milano "That is what the patriarchy wants you to believe.")

rel "$c_hope" supports "$p_hashtag"
rel "$c_silence" supports "$c_hope"
rel "$c_children" supports "$c_hope"
rel "$c_predator_narrative" supports "$c_shift_focus"
rel "$e_no_woman" supports "$c_everywhere"
rel "$e_all_industries" supports "$c_everywhere"
rel "$cc_instrumental" attacks "$c_numbers"
rel "$rb_solidarity" rebuts "$cc_instrumental"
rel "$rb_solidarity" supports "$c_numbers"
rel "$c_aim" restates "$c_numbers"
rel "$c_magnitude" supports "$c_numbers"
rel "$e_replies" supports "$c_magnitude"
rel "$e_burke_work" supports "$c_lift_burke"
rel "$e_konjit" supports "$c_impact"
rel "$c_mentality" supports "$c_need_men"
rel "$c_locker_room" supports "$c_need_men"
rel "$c_hire" supports "$c_need_men"
rel "$c_board_room" supports "$c_hire"
rel "$cc_competition" attacks "$c_women_supporting"
rel "$rb_competition" rebuts "$cc_competition"
rel "$c_reporting" supports "$rb_competition"
rel "$c_patriarchy" supports "$rb_not_fragile"
