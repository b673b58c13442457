package retrieval

import "slices"

// thesaurusGroups are sets of English words and spellings a reader may use
// for one another. They are general, not tied to any one text: variant
// spellings (tsar/czar), British and American forms, and common
// equivalences a question's words may not share with the text's.
var thesaurusGroups = [][]string{
	{"tsar", "czar", "tzar"},
	{"tsarist", "czarist"},
	{"tsarina", "czarina", "empress"},
	{"ussr", "soviet"},
	{"russia", "russian"},
	{"bolshevik", "bolsheviki", "bolshevist"},
	{"menshevik", "mensheviki"},
	{"trotsky", "trotzky"},
	{"kamenev", "kameniev"},
	{"die", "died", "dead", "death", "killed", "perished"},
	{"slay", "murder", "kill"},
	{"begin", "began", "start", "started", "commence"},
	{"end", "ended", "finish", "finished", "over"},
	{"split", "divide", "division"},
	{"faction", "tendency", "wing"},
	{"fight", "fought", "battle", "combat"},
	{"army", "troops", "soldiers"},
	{"worker", "workers", "working", "workmen", "proletariat", "proletarian"},
	{"peasant", "peasantry", "farmer"},
	{"land", "farmland"},
	{"rebel", "rebellion", "revolt", "uprising", "mutiny", "insurrection"},
	{"leader", "head", "chief", "led", "headed"},
	{"arrest", "arrested", "imprison", "jailed", "detain", "prisoner", "prison", "captive"},
	{"rule", "ruled", "govern", "governed", "reign"},
	{"besiege", "besieged", "siege", "blockade"},
	{"pardon", "pardoned", "amnesty"},
	{"burn", "burned", "burnt", "fire", "blaze", "flames"},
	{"kill", "killed", "shot", "executed", "massacre"},
	{"flee", "fled", "escape", "escaped"},
	{"elect", "election", "vote", "ballot"},
	{"ban", "banned", "forbid", "forbidden", "outlaw", "prohibit"},
	{"abolish", "abolished", "eliminate", "eliminated", "end"},
	{"money", "currency", "cash"},
	{"pay", "paid", "payment"},
	{"large", "big", "huge"},
	{"small", "little"},
	{"country", "nation"},
	{"government", "regime", "administration"},
	{"important", "significant", "matter", "matters"},
	{"famous", "renowned", "well-known"},
	{"want", "wish", "desire"},
	{"america", "usa"},
	{"demand", "demanded", "require"},
	{"colour", "color"},
	{"labour", "labor"},
	{"organisation", "organization"},
	{"favour", "favor"},
	{"defence", "defense"},
	{"centre", "center"},
	{"programme", "program"},
	{"honour", "honor"},
	{"theatre", "theater"},
	{"capture", "captured", "seize", "seized", "take", "taken", "storm", "stormed"},
	{"surrender", "surrendered", "capitulate", "yield"},
	{"meaning", "mean", "definition", "define"},
	{"look", "appearance", "looked"},
	{"bury", "buried", "burial", "funeral", "grave"},
	{"replace", "replaced", "succeed", "succeeded", "successor"},
}

// Multi-word equivalents ("First World War", "World War I") are left out:
// they share most of their words already.

// equivalences maps the stem of each word of a group to the stems of the
// group's other words, analysed as the index analyses text.
func equivalences(ix *Index, groups [][]string) map[string][]string {
	out := map[string][]string{}
	for _, g := range groups {
		var stems []string
		for _, w := range g {
			for _, t := range analyze(ix.stem, w) {
				if !slices.Contains(stems, t.term) {
					stems = append(stems, t.term)
				}
			}
		}
		for _, a := range stems {
			for _, b := range stems {
				if a != b && !slices.Contains(out[a], b) {
					out[a] = append(out[a], b)
				}
			}
		}
	}
	return out
}

// irregularVerbs are English verbs whose past forms Porter stemming does
// not bring back to the base form: each line is base, past, participle.
var irregularVerbs = [][]string{
	{"arise", "arose", "arisen"}, {"be", "was", "been"}, {"bear", "bore", "borne"},
	{"beat", "beat", "beaten"}, {"become", "became", "become"}, {"begin", "began", "begun"},
	{"bind", "bound", "bound"}, {"bite", "bit", "bitten"}, {"blow", "blew", "blown"},
	{"break", "broke", "broken"}, {"bring", "brought", "brought"}, {"build", "built", "built"},
	{"buy", "bought", "bought"}, {"catch", "caught", "caught"}, {"choose", "chose", "chosen"},
	{"come", "came", "come"}, {"deal", "dealt", "dealt"}, {"dig", "dug", "dug"},
	{"draw", "drew", "drawn"}, {"drink", "drank", "drunk"}, {"drive", "drove", "driven"},
	{"eat", "ate", "eaten"}, {"fall", "fell", "fallen"}, {"feel", "felt", "felt"},
	{"fight", "fought", "fought"}, {"find", "found", "found"}, {"flee", "fled", "fled"},
	{"fly", "flew", "flown"}, {"forget", "forgot", "forgotten"}, {"forgive", "forgave", "forgiven"},
	{"freeze", "froze", "frozen"}, {"get", "got", "gotten"}, {"give", "gave", "given"},
	{"go", "went", "gone"}, {"grow", "grew", "grown"}, {"hang", "hung", "hung"},
	{"hear", "heard", "heard"}, {"hide", "hid", "hidden"}, {"hold", "held", "held"},
	{"keep", "kept", "kept"}, {"know", "knew", "known"}, {"lay", "laid", "laid"},
	{"lead", "led", "led"}, {"leave", "left", "left"}, {"lend", "lent", "lent"},
	{"lie", "lay", "lain"}, {"lose", "lost", "lost"}, {"make", "made", "made"},
	{"mean", "meant", "meant"}, {"meet", "met", "met"}, {"overcome", "overcame", "overcome"},
	{"overthrow", "overthrew", "overthrown"}, {"pay", "paid", "paid"}, {"ride", "rode", "ridden"},
	{"ring", "rang", "rung"}, {"rise", "rose", "risen"}, {"run", "ran", "run"},
	{"say", "said", "said"}, {"see", "saw", "seen"}, {"seek", "sought", "sought"},
	{"sell", "sold", "sold"}, {"send", "sent", "sent"}, {"shake", "shook", "shaken"},
	{"shoot", "shot", "shot"}, {"sing", "sang", "sung"}, {"sink", "sank", "sunk"},
	{"sit", "sat", "sat"}, {"sleep", "slept", "slept"}, {"speak", "spoke", "spoken"},
	{"spend", "spent", "spent"}, {"stand", "stood", "stood"}, {"steal", "stole", "stolen"},
	{"strike", "struck", "struck"}, {"swear", "swore", "sworn"}, {"take", "took", "taken"},
	{"teach", "taught", "taught"}, {"tear", "tore", "torn"}, {"tell", "told", "told"},
	{"think", "thought", "thought"}, {"throw", "threw", "thrown"}, {"understand", "understood", "understood"},
	{"undertake", "undertook", "undertaken"}, {"uphold", "upheld", "upheld"}, {"wake", "woke", "woken"},
	{"wear", "wore", "worn"}, {"win", "won", "won"}, {"withdraw", "withdrew", "withdrawn"},
	{"write", "wrote", "written"},
}
