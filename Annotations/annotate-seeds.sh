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

ARGMARK=${ARGMARK:-argmark}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${1:-$here}
SEEDS=${SEEDS:-$here/../../shared/seeds}

mkdir -p "$OUT"
rm -f "$OUT"/seed-000.xml "$OUT"/seed-001.xml "$OUT"/seed-002.xml "$OUT"/seed-003.xml "$OUT"/seed-004.xml "$OUT"/corpus.xml

# The article being annotated; the helpers below act on it.
file=""

# add TYPE SPEAKER QUOTE [argmark add options...]: adds a unit and prints its id.
add() {
    local type=$1 speaker=$2 quote=$3
    shift 3
    "$ARGMARK" add "$file" "$type" --speaker "$speaker" --quote "$quote" "$@"
}
# rel FROM TYPE TO: relates two units (or, for undercuts, a unit to a relation).
rel() { "$ARGMARK" relate "$file" "$1" "$2" "$3" >/dev/null; }
# relid FROM TYPE TO: like rel, but prints the relation id (for a later undercuts).
relid() { "$ARGMARK" relate "$file" "$1" "$2" "$3"; }
# speaker ID NAME ROLE
speaker() { "$ARGMARK" speaker "$file" --id "$1" --name "$2" --role "$3" >/dev/null; }

# ---------------------------------------------------------------------------------------------
# Corpus vocabulary: stance targets and shared propositions (Annotations/corpus.xml)
# ---------------------------------------------------------------------------------------------
target() { "$ARGMARK" target "$OUT" --id "$1" --name "$2" --description "$3" >/dev/null; }
proposition() { "$ARGMARK" proposition "$OUT" --id "$1" --text "$2" --target "$3" --stance "$4" >/dev/null; }
plain_proposition() { "$ARGMARK" proposition "$OUT" --id "$1" --text "$2" >/dev/null; }

target metoo "the #MeToo movement" \
    "favor: defends the movement, its aims or its value; against: rejects or disparages it"
target argento-undermines-metoo "the allegations against Asia Argento undermine #MeToo" \
    "favor: the Argento case discredits or invalidates the movement; against: it does not"
target argento-allegations-true "the sexual-assault allegations against Asia Argento are true" \
    "favor: they are true; against: they are false; neutral: wait for the facts"
target metoo-gone-too-far "feminism and #MeToo have gone too far" \
    "favor: the movement overreaches (collective blame, distrust between the sexes); against: it has not gone too far"
target redemption "a way back for people who committed sexual misconduct" \
    "favor: forgiveness, a comeback or a second chance is possible; against: offenders should be shunned for good"
target misconduct-continuum "sexual misconduct should be judged on a continuum of severity" \
    "favor: distinguish mild from serious offences and respond in proportion; against: there is no grey area"

proposition argento-discredits-metoo "The allegations against Asia Argento discredit #MeToo: the movement is hypocritical." argento-undermines-metoo favor
proposition one-case-does-not-nullify "One victim's alleged misconduct does not nullify an entire movement: the Argento allegations do not invalidate #MeToo." argento-undermines-metoo against
proposition nothing-can-invalidate "Nothing can or will ever invalidate (or discredit) #MeToo." metoo favor
proposition created-by-millions "#MeToo is a movement created by and for millions of survivors throughout the world." metoo favor
proposition one-story-cannot-undermine "No one story can discredit or undermine the survivors' collective voice." argento-undermines-metoo against
proposition discrediting-serves-abusers "Discrediting #MeToo serves those who benefit from a culture that demeans survivors." metoo favor
proposition coming-forward-shows-alive "That people keep coming forward shows #MeToo is alive." metoo favor
proposition victim-can-be-offender "A victim of sexual abuse can also be an offender." argento-undermines-metoo against
proposition no-one-way-perpetrator "There is no one way to be a perpetrator." argento-undermines-metoo against
proposition no-model-survivor "There is no model survivor." argento-undermines-metoo against
plain_proposition imperfectly-human "We are imperfectly human."
plain_proposition all-accountable "We all have to be accountable for our individual behavior."
proposition accountability-at-heart "Accountability is at the very heart of the #MeToo movement." metoo favor
proposition regardless-of-perpetrator "Sexual abuse is judged, and its perpetrators held to account, whoever they are: of any gender, fame or popularity." argento-undermines-metoo against
proposition reject-false-narratives "False narratives about sexual violence must be rejected and dismantled." metoo favor
proposition hard-conversations "The movement needs more, harder conversations about its grey and uncomfortable areas." metoo favor
proposition metoo-for-everyone "#MeToo is for everyone who has experienced sexual violence, not only for women." metoo favor
proposition shift-focus-to-victims "#MeToo shifted the focus from the abusers to the victims." metoo favor
proposition problem-everywhere "Sexual harassment and abuse are a problem in every industry and everywhere, not just in Hollywood." metoo favor
proposition show-magnitude "The point of 'me too' was to show the magnitude of the problem: how many have been harassed or assaulted." metoo favor
proposition lift-burke "Milano used her fame and platform to lift up Tarana Burke's work." metoo favor
proposition never-say-metoo "The hope is that our children will never have to say 'me too'." metoo favor
proposition sexual-violence-is-about-power "Sexual violence is about power (not about sex)." metoo favor

# ---------------------------------------------------------------------------------------------
# 000: Alyssa Milano's guest blog on TheWrap, 21 August 2018
# ---------------------------------------------------------------------------------------------
file="$OUT/seed-000.xml"
"$ARGMARK" new "$SEEDS/000_4df17bf2c55a06b5.txt" -o "$file" --id seed-000 \
    --title "Alyssa Milano on Asia Argento Accusations: ‘Stop Trying to Undermine the #MeToo Movement’ (Guest Blog)" \
    --outlet TheWrap --author "Alyssa Milano" --published 2018-08-21 --genre opinion --language en 2>/dev/null
speaker milano "Alyssa Milano" author
speaker critics "people who pounced on the Argento news" "reported: critics of #MeToo"
speaker burke "Tarana Burke" "quoted: founder of #MeToo (tweet)"

e_story=$(add evidence milano "actress Asia Argento, one of Harvey Weinstein’s victims, settled with her own sexual assault accuser")
c_imminent=$(add claim milano "I knew that attempts to invalidate the #MeToo movement were imminent")
c_pattern=$(add claim milano "Whenever a story involving sexual misconduct comes out that doesn’t perfectly fit a prescribed narrative, people are quick to discredit #MeToo and its validity")
e_pounced=$(add evidence milano "People pounced on the news that a vocal advocate for survivors has been accused of sexual battery")
cc_hypocritical=$(add counterclaim critics "leveraging it to “prove” that #MeToo is hypocritical" \
    --stance favor --target argento-undermines-metoo --proposition argento-discredits-metoo)
cc_misogyny=$(add counterclaim critics "sexual harassment and assault are not part of institutional misogyny" --stance against --target metoo)
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
e_accountable=$(add evidence burke "we all have to be accountable for our individual behavior" --proposition all-accountable)
c_accountability=$(add claim milano "accountability is at the very heart of the #MeToo movement" \
    --stance favor --target metoo --proposition accountability-at-heart)
c_every_abuser=$(add claim milano "We hold any and every abuser accountable, regardless of their gender, race, socioeconomic status, public visibility or popularity." \
    --stance against --target argento-undermines-metoo --proposition regardless-of-perpetrator)
c_violence_wrong=$(add claim milano "Sexual violence is wrong, full stop." --stance favor --target metoo)
cc_not_black_white=$(add counterclaim milano "the process of calling it out, and seeking justice and reform isn’t so black-and-white" \
    --stance neutral --target metoo --note "conceded by the author")
cc_messy=$(add counterclaim milano "It’s messy and complicated and sometimes disappointing" \
    --stance neutral --target metoo --note "conceded by the author")
rb_dismiss=$(add rebuttal milano "the answer is not to dismiss the voices of survivors and advocates who are doing the work to shift our culture" \
    --stance favor --target metoo)
c_keep_talking=$(add claim milano "we must keep talking" --stance favor --target metoo --proposition hard-conversations)
c_gray_areas=$(add claim milano "The gray, complicated, areas of social justice and gender equality issues are where the conversations need to take place in order to define boundaries of what’s acceptable and permissible behavior." \
    --stance favor --target metoo)
c_reject=$(add claim milano "we must reject false narratives and double standards (particularly with regards to the veracity of claims made by male victims vs. female victims)" \
    --stance favor --target metoo --proposition reject-false-narratives)
c_believe=$(add claim milano "continue believing victims and amplifying their voices" --stance favor --target metoo)
rb_serves=$(add rebuttal milano "Discrediting #MeToo isn’t just a bad or “hot” take; it directly serves the interests of those who benefit from a culture that demeans survivors and undermines the camaraderie of women who stand in solidarity to right these wrongs." \
    --stance favor --target metoo --proposition discrediting-serves-abusers)
c_slope=$(add claim milano "It is a misguided and slippery slope." --stance favor --target metoo)
c_alive=$(add claim milano "the fact that more people are publicly coming forward means that #MeToo is alive and swelling" \
    --stance favor --target metoo --proposition coming-forward-shows-alive)
p_nothing=$(add position milano "nothing can or will ever invalidate #MeToo" \
    --stance favor --target metoo --proposition nothing-can-invalidate)
e_millions=$(add evidence milano "it is a movement created by and for millions of survivors throughout the world" \
    --stance favor --target metoo --proposition created-by-millions)
c_one_story=$(add claim milano "No one story can discredit or undermine the power of our collective voices or our drive for sustainable change." \
    --stance against --target argento-undermines-metoo --proposition one-story-cannot-undermine)

rel "$e_story" supports "$c_imminent"
rel "$c_pattern" supports "$c_imminent"
rel "$e_pounced" supports "$c_imminent"
rel "$c_imminent" supports "$rb_wrong"
rel "$cc_hypocritical" attacks "$p_nullify"
rel "$cc_misogyny" attacks "$p_nullify"
rel "$rb_wrong" rebuts "$cc_hypocritical"
rel "$rb_wrong" rebuts "$cc_misogyny"
rel "$c_victim_offender" supports "$rb_wrong"
rel "$e_one_way" supports "$c_victim_offender"
rel "$e_model" supports "$c_victim_offender"
rel "$e_imperfect" supports "$c_victim_offender"
rel "$e_accountable" supports "$c_accountability"
rel "$c_accountability" supports "$rb_wrong"
rel "$c_every_abuser" supports "$c_accountability"
rel "$c_violence_wrong" supports "$c_every_abuser"
rel "$cc_not_black_white" attacks "$p_nullify"
rel "$cc_messy" restates "$cc_not_black_white"
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
# 001: myTalk 107.1 (Cover Media) re-reports 000 and the reactions of Argento, McGowan, Sorvino
# ---------------------------------------------------------------------------------------------
file="$OUT/seed-001.xml"
"$ARGMARK" new "$SEEDS/001_ff871f241174ef25.txt" -o "$file" --id seed-001 \
    --title "Alyssa Milano: ‘Asia Argento allegations don’t invalidate #MeToo movement’" \
    --outlet "myTalk 107.1" --author "Cover Media" --genre news --language en 2>/dev/null
speaker cover-media "Cover Media" "author: news agency"
speaker milano "Alyssa Milano" "quoted: author of the guest blog"
speaker critics "many critics of Asia Argento" "reported"
speaker argento "Asia Argento" "quoted: statement"
speaker mcgowan "Rose McGowan" "quoted: tweets"
speaker mcgowan-critics "people who criticised Rose McGowan's tweets" "reported"
speaker sorvino "Mira Sorvino" "quoted: tweet"

p_lead=$(add position milano "nothing can discredit the #MeToo movement following the claims against Asia Argento" \
    --stance favor --target metoo --proposition nothing-can-invalidate \
    --note "the reporter's paraphrase of Milano's thesis")
e_figure=$(add evidence cover-media "The Italian actress became an outspoken figure in the #MeToo movement against sexual abuse after going public with claims against Harvey Weinstein last year")
cc_discredited=$(add counterclaim critics "she has discredited the campaign" \
    --stance favor --target argento-undermines-metoo --proposition argento-discredits-metoo)
e_accused=$(add evidence cover-media "being accused of sexual assaulting former child star Jimmy Bennett in a California hotel room in 2013, when he was 17 years old")
c_insists=$(add claim milano "one story cannot undermine the millions of accounts which have contributed to the movement" \
    --stance against --target argento-undermines-metoo --proposition one-story-cannot-undermine \
    --note "the reporter's paraphrase")
c_nullify=$(add claim milano "one victim’s alleged horrid behavior does not nullify an entire movement" \
    --stance against --target argento-undermines-metoo --proposition one-case-does-not-nullify)
rb_serves=$(add rebuttal milano "Discrediting #MeToo isn’t just a bad or ‘hot’ take; it directly serves the interests of those who benefit from a culture that demeans survivors and undermines the camaraderie of women who stand in solidarity to right these wrongs." \
    --stance favor --target metoo --proposition discrediting-serves-abusers)
p_nothing=$(add position milano "nothing can or will ever invalidate #MeToo" \
    --stance favor --target metoo --proposition nothing-can-invalidate)
e_millions=$(add evidence milano "it is a movement created by and for millions of survivors throughout the world" \
    --stance favor --target metoo --proposition created-by-millions)
c_one_story=$(add claim milano "No one story can discredit or undermine the power of our collective voices or our drive for sustainable change." \
    --stance against --target argento-undermines-metoo --proposition one-story-cannot-undermine)
c_alive=$(add claim milano "the fact people are still coming forward with #MeToo stories proves that it is still very much “alive”" \
    --stance favor --target metoo --proposition coming-forward-shows-alive --note "the reporter's paraphrase")
c_false=$(add claim argento "the news that is absolutely false" --stance against --target argento-allegations-true)
c_never=$(add claim argento "I have never had any sexual relationship with Bennett." --stance against --target argento-allegations-true)
c_gentle=$(add claim mcgowan "“be gentle” as they wait for “the truth of the situation”" --stance neutral --target argento-allegations-true)
cc_backlash=$(add counterclaim mcgowan-critics "receiving backlash for her tweets" \
    --note "the implied view: McGowan's tweets defend Argento")
rb_not_defending=$(add rebuttal mcgowan "I’m not defending")
c_time=$(add claim sorvino "Time will clarify things and perhaps she will be exonerated" --stance neutral --target argento-allegations-true)
c_no_lens=$(add claim sorvino "if true, there is no lens that makes it better")
c_heinous=$(add claim sorvino "Child sexual assault is a heinous crime")
c_stands_against=$(add claim sorvino "is against all that I and the MeToo movement stands for" --stance favor --target metoo)

rel "$e_figure" supports "$cc_discredited"
rel "$e_accused" supports "$cc_discredited"
rel "$cc_discredited" attacks "$p_lead"
rel "$c_insists" supports "$p_lead"
rel "$c_nullify" supports "$p_lead"
rel "$rb_serves" rebuts "$cc_discredited"
rel "$p_nothing" restates "$p_lead"
rel "$e_millions" supports "$p_nothing"
rel "$c_one_story" supports "$p_nothing"
rel "$c_one_story" restates "$c_insists"
rel "$c_alive" supports "$p_lead"
rel "$c_false" attacks "$e_accused"
rel "$c_never" supports "$c_false"
rel "$cc_backlash" attacks "$c_gentle"
rel "$rb_not_defending" rebuts "$cc_backlash"
rel "$c_heinous" supports "$c_no_lens"
rel "$c_stands_against" supports "$c_no_lens"

# ---------------------------------------------------------------------------------------------
# 002: Catharsis Productions blog, closing with Tarana Burke's tweets
# ---------------------------------------------------------------------------------------------
file="$OUT/seed-002.xml"
"$ARGMARK" new "$SEEDS/002_ff8583a44754fd84.txt" -o "$file" --id seed-002 \
    --outlet "Catharsis Productions" --author "Catharsis Productions" --genre blog --language en 2>/dev/null
speaker catharsis "Catharsis Productions" author
speaker burke "Tarana Burke" "quoted: founder of #MeToo (tweets)"
speaker critics "people who use the news to discredit #MeToo" "reported by Tarana Burke"

e_accused=$(add evidence catharsis "Asia Argento being accused of sexual assault by actor Jimmy Bennett")
cc_disturbing=$(add counterclaim catharsis "These allegations are especially disturbing" --note "conceded by the author")
e_prominent=$(add evidence catharsis "Argento has become one of the most prominent figures of the #MeToo movement")
p_not_invalidate=$(add position catharsis "this report does not invalidate the movement or Argento’s own experience" \
    --stance against --target argento-undermines-metoo --proposition one-case-does-not-nullify)
c_spectrum=$(add claim catharsis "it highlights the fact that sexual violence narratives exist in a wide spectrum no matter gender, race, age, class, sexual orientation, ability, belief or ethnicity" \
    --stance against --target argento-undermines-metoo)
c_conversations=$(add claim catharsis "it is helping everyone to dismantle false beliefs and understand uncomfortable truths about power and abuse" \
    --stance favor --target metoo --proposition reject-false-narratives)
c_harmed=$(add claim catharsis "those who have been harmed sometimes go on to inflict that harm on others" \
    --stance against --target argento-undermines-metoo --proposition victim-can-be-offender)
c_men_victims=$(add claim catharsis "men can be victims" --stance favor --target metoo)
c_women_perpetrators=$(add claim catharsis "women can be perpetrators" --stance against --target argento-undermines-metoo)
rb_no_blame=$(add rebuttal catharsis "This is not to blame the #MeToo movement for it." --stance against --target argento-undermines-metoo)
c_rape_culture=$(add claim catharsis "this is an indicator of just how harmful rape culture is for our society" --stance favor --target metoo)
c_toxic=$(add claim catharsis "toxic masculinity makes it hard for society to understand that men can also be victims")
e_safe=$(add evidence catharsis "It is until now that a lot of survivors feel safe and valid to come forward to share their experiences." --stance favor --target metoo)
c_not_only_women=$(add claim catharsis "The movement has never been only about women" \
    --stance favor --target metoo --proposition metoo-for-everyone)
c_anyone=$(add claim catharsis "it is about the reality that sexual violence can affect everyone and anyone" --stance favor --target metoo)
b_for_all=$(add claim burke "the #metooMVMT is for all of us, including these brave young men who are now coming forward" \
    --stance favor --target metoo --proposition metoo-for-everyone)
b_jarring=$(add claim burke "It will continue to be jarring when we hear the names of some of our faves connected to sexual violence unless we shift from talking about individuals and begin to talk about power." \
    --stance against --target argento-undermines-metoo)
b_power=$(add claim burke "Sexual violence is about power and privilege." --proposition sexual-violence-is-about-power --stance favor --target metoo)
b_any_gender=$(add claim burke "That doesn’t change if the perpetrator is your favorite actress, activist or professor of any gender." \
    --stance against --target argento-undermines-metoo --proposition regardless-of-perpetrator)
b_false_narratives=$(add claim burke "we won’t shift the culture unless we get serious about shifting these false narratives" \
    --stance favor --target metoo --proposition reject-false-narratives)
b_hard_conversations=$(add claim burke "we prepare ourselves for some hard conversations about power and humanity and privilege and harm" \
    --stance favor --target metoo --proposition hard-conversations)
b_harm_reduction=$(add claim burke "This issue is less about crime & punishment and more about harm and harm reduction.")
b_shift=$(add claim burke "A shift can happen." --stance favor --target metoo)
b_possibility=$(add claim burke "This movement is making space for possibility." --stance favor --target metoo)
b_can_of_worms=$(add claim burke "it can only happen after we crack open the whole can of worms and get really comfortable with the uncomfortable reality")
b_one_way=$(add claim burke "there is no one way to be a perpetrator" \
    --stance against --target argento-undermines-metoo --proposition no-one-way-perpetrator)
b_model=$(add claim burke "there is no model survivor" \
    --stance against --target argento-undermines-metoo --proposition no-model-survivor)
b_imperfect=$(add claim burke "We are imperfectly human" --proposition imperfectly-human)
b_accountable=$(add claim burke "we all have to be accountable for our individual behavior" --proposition all-accountable)
cc_people=$(add counterclaim critics "People will use these recent news stories to try and discredit this movement" \
    --stance favor --target argento-undermines-metoo --proposition argento-discredits-metoo \
    --note "Burke anticipates the view")
rb_dont=$(add rebuttal burke "don’t let that happen" --stance against --target argento-undermines-metoo)
b_about=$(add claim burke "This is what Movement is about.")
b_spectator=$(add claim burke "It’s not a spectator sport.")
b_people_generated=$(add claim burke "It is people generated.")
b_we_say=$(add claim burke "We get to say “this is/isn’t what this movement is about!”")

rel "$e_accused" supports "$cc_disturbing"
rel "$e_prominent" supports "$cc_disturbing"
rel "$cc_disturbing" attacks "$p_not_invalidate"
rel "$c_spectrum" supports "$p_not_invalidate"
rel "$c_conversations" supports "$p_not_invalidate"
rel "$c_harmed" supports "$c_conversations"
rel "$c_men_victims" supports "$c_spectrum"
rel "$c_women_perpetrators" supports "$c_spectrum"
rel "$rb_no_blame" rebuts "$cc_disturbing"
rel "$c_rape_culture" supports "$rb_no_blame"
rel "$c_toxic" supports "$c_rape_culture"
rel "$e_safe" supports "$rb_no_blame"
rel "$c_not_only_women" supports "$p_not_invalidate"
rel "$c_anyone" supports "$c_not_only_women"
rel "$b_for_all" supports "$c_not_only_women"
rel "$b_jarring" supports "$p_not_invalidate"
rel "$b_power" supports "$b_jarring"
rel "$b_any_gender" supports "$b_jarring"
rel "$b_false_narratives" supports "$b_jarring"
rel "$b_hard_conversations" supports "$b_shift"
rel "$b_harm_reduction" supports "$b_hard_conversations"
rel "$b_possibility" supports "$b_shift"
rel "$b_can_of_worms" supports "$b_shift"
rel "$b_shift" supports "$p_not_invalidate"
rel "$b_one_way" supports "$b_can_of_worms"
rel "$b_model" supports "$p_not_invalidate"
rel "$b_imperfect" supports "$b_model"
rel "$b_accountable" supports "$b_model"
rel "$cc_people" attacks "$p_not_invalidate"
rel "$rb_dont" rebuts "$cc_people"
rel "$b_about" supports "$rb_dont"
rel "$b_spectator" supports "$rb_dont"
rel "$b_people_generated" supports "$rb_dont"
rel "$b_we_say" supports "$rb_dont"
