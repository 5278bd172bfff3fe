"""Claim forms of stop 35 (issue 18 items 6-7, branch claims9): verdicts, allegations and
implications as attributions, pleas for a release and `X asks Y to` as calls, humanitarian law
violated in the passive, inhuman treatment, prisoners and custody, people disappeared by force,
acts deterred, a building as shelter, an act called out or immoral; with the guards written
beside them."""

from __future__ import annotations

import pytest

from indexer.extraction.claims import claim_types


@pytest.mark.parametrize(("sentence", "kind"), [
    # a plea of guilty to a violent act attributes it
    ("He pleaded guilty to kidnapping and assault.", "responsibility_attribution"),
    # an allegation: an act said to be done by someone, with doubt
    ("She was allegedly tortured to death by her employers.", "responsibility_attribution"),
    # evidence or circumstances pointing at someone
    ("The shooting happened in circumstances implicating British Army personnel.", "responsibility_attribution"),
    ("New evidence implicates the security services.", "responsibility_attribution"),
    ("The famine was brought about by the regime's policies.", "responsibility_attribution"),
    ("The instability was caused by the militias in both East and West Timor.", "responsibility_attribution"),
    ("These attacks were planned and organized from across the border.", "responsibility_attribution"),
    # a plea for someone's release, a state asking another to act
    ("His mother is petitioning for the release of her son.", "call_to_action"),
    ("Rights groups campaigned for the immediate release of the journalists.", "call_to_action"),
    ("Afghanistan asks the United Nations to appoint a special representative.", "call_to_action"),
    ("We need global norms to protect civilians.", "call_to_action"),
    ("We also need the mechanisms to enforce it.", "call_to_action"),
    ("We are constantly asked why we so stubbornly call for the democratization of the Council.",
     "call_to_action"),
    # humanitarian law violated, in the passive
    ("In this urban warfare, international humanitarian law is often violated.", "war_crimes"),
    ("Humanitarian law was repeatedly breached by all sides.", "war_crimes"),
    # inhuman treatment is ill-treatment
    ("War crimes have been committed and inhumane treatment normalized.", "torture"),
    ("He described cruel, inhuman and degrading treatment in the camp.", "torture"),
    # prisoners and custody are people held
    ("Palestinian prisoners must be freed.", "detention"),
    ("The exchange of prisoners of war was completed.", "detention"),
    ("The deal provides for the release of 500 Palestinian prisoners.", "detention"),
    ("Both sides agreed to a prisoner exchange.", "detention"),
    ("He died in police custody last year.", "detention"),
    ("The suspect was taken into custody.", "detention"),
    ("The man was held for questioning for two days.", "detention"),
    ("Activists were held incommunicado.", "detention"),
    # people disappeared by force (the transitive, passive sense)
    ("The lawyer has been disappeared since May.", "detention"),
    ("Dozens of activists were disappeared by the security forces.", "detention"),
    # an act called out, called immoral, a disgrace
    ("The mayor was called out for spending public money on his image.", "condemnation"),
    ("Such an approach is immoral and totally unacceptable.", "condemnation"),
    ("This silence is a disgrace.", "condemnation"),
    ("This is a shameful decision.", "condemnation"),
    ("The new prime minister can reverse the country's shameful record on torture in detention.", "condemnation"),
    # aid named by access to care or help given to victims
    ("We provide assistance to populations that have been victims of fighting.", "humanitarian_access"),
])
def test_form_gives_type(sentence: str, kind: str) -> None:
    assert kind in claim_types(sentence)


@pytest.mark.parametrize(("sentence", "kind"), [
    # a plea to a non-violent offence; a verdict is a court's ruling (the dev gold)
    ("She pleaded guilty to fraud.", "responsibility_attribution"),
    ("A monk convicted of killing a bishop is one prisoner who has exhausted all appeals.", "responsibility_attribution"),
    ("A jury found him guilty of murder.", "responsibility_attribution"),
    # the reason of an arrest (the dev gold)
    ("Two police officers were arrested for allegedly kidnapping an NGO employee.", "responsibility_attribution"),
    # an allegation with no agent, a passive without `by`
    ("He was allegedly tortured.", "responsibility_attribution"),
    # a cause that is no one ("brought about by the floods", "caused by technology")
    ("The change was brought about by new technology.", "responsibility_attribution"),
    ("Displacement caused by the floods rose.", "responsibility_attribution"),
    ("The destruction was caused by forces entirely outside our control.", "responsibility_attribution"),
    # an event planned by its hosts
    ("The conference was planned and organized by the ministry.", "responsibility_attribution"),
    # a release of a film or a product, a plain request to a person
    ("Fans campaigned for the release of the film.", "call_to_action"),
    ("He asks me to stay.", "call_to_action"),
    ("We need not worry.", "call_to_action"),
    # a fact the speakers admit
    ("Another fact we must recognize is that the scale of the problem is so great.", "call_to_action"),
    ("We must acknowledge that progress has been slow.", "call_to_action"),
    # a question the speaker reports, about someone else's call
    ("They asked why the council should act.", "call_to_action"),
    # humanitarian law respected, a law not violated
    ("Humanitarian law was not violated, the army said.", "war_crimes"),
    # treatment that is no ill-treatment
    ("Patients received medical treatment at the clinic.", "torture"),
    ("The company received preferential treatment.", "torture"),
    # an idiom, a game, child custody
    ("The coach said his side would take no prisoners.", "detention"),
    ("The prisoners' dilemma is a classic of game theory.", "detention"),
    ("Shells fell near the prison, injuring three of the prisoners visitors.", "detention"),
    ("She won custody of her children.", "detention"),
    ("Nobody may claim custody over that people.", "detention"),
    ("We must cope with failures in nuclear-custody systems.", "detention"),
    ("The parents share child custody.", "detention"),
    # a person who vanished (the intransitive sense) names no captor
    ("Jennifer Dulos disappeared from her home in May 2019.", "detention"),
    ("The boat has disappeared from radar.", "detention"),
    # calling out a name, a descriptive adjective that is no judgement
    ("The teacher called out the names of the pupils.", "condemnation"),
    ("Young people everywhere call out for freedom and dignity.", "condemnation"),
    ("Families often consider women subject to assault as shameful.", "condemnation"),
    ("He was stopped due to his “shameful appearance,” he said.", "condemnation"),
    # access to markets, assistance to developing countries
    ("Farmers need access to markets.", "humanitarian_access"),
    ("Since 1990, 2.3 billion people have gained access to drinking water.", "humanitarian_access"),
    ("We provide assistance to developing countries.", "humanitarian_access"),
])
def test_guard_gives_no_type(sentence: str, kind: str) -> None:
    assert kind not in claim_types(sentence)


@pytest.mark.parametrize(("sentence", "kind"), [
    # an act deterred or refrained from is not said to have happened
    ("France sought a strong reaction to dissuade the regime from committing new massacres.", "massacre"),
    ("The warning was meant to deter them from shelling the city.", "bombardment"),
    ("We urge all parties to refrain from attacking civilians and from killing prisoners.", "killing"),
    # shelter taken in a building during an attack is no flight from home
    ("Children were killed as they took refuge in a mosque or school.", "displacement"),
    ("Families sought shelter in the basement during the strikes.", "displacement"),
])
def test_not_a_claim_of_the_act(sentence: str, kind: str) -> None:
    assert kind not in claim_types(sentence)


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Thousands sought refuge in Turkey.", "displacement"),
    ("Families took refuge in the camps near the border.", "displacement"),
    ("The regime killed hundreds and deterred others from protesting.", "killing"),
    ("International humanitarian law is violated daily.", "war_crimes"),
    ("The prisoners must be released.", "call_to_action"),
    ("The prisoners must be released.", "detention"),
    ("We must recognize the State of Palestine.", "call_to_action"),
])
def test_claims_kept(sentence: str, kind: str) -> None:
    """Acts the new forms must not hide (a trigger consumed by another's match)."""
    assert kind in claim_types(sentence)
