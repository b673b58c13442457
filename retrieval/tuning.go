package retrieval

// tuning holds the weights of the re-ranking. Each Index carries its own
// copy, so that the tuning sweep (TestTune) can measure a change on one
// index without touching any other.
type tuning struct {
	// Features of a candidate sentence, summed.
	coverage  float64 // share of the question's weight the sentence holds
	context   float64 // the same, with the sentences either side
	passage   float64 // Bleve's score of the passage (0: it only picks candidates)
	proximity float64 // matched words standing close together
	title     float64 // the section title matching the question
	intent    float64 // the sentence holds the kind of answer asked for
	subject   float64 // the question's rarest word opens the sentence

	lengthCost      float64 // per word past 30, on coverage
	questionFactor  float64 // an interviewer's question: quotable, answers first
	titleOnly       float64 // title share that lets a section's opening answer alone
	extendGain      float64 // share a neighbour must add to be quoted too
	definitionBoost float64 // a definition outweighs the subject bonus

	// How fully a question word's alternatives count.
	derived   float64 // revolution/revolutionary
	inflected float64 // won/win
	synonym   float64 // tsar/czar
	spelling  float64 // Kronstat/Kronstadt

	// Inverse document frequency scales for question words.
	frame  float64 // "happen", "describe": framing the question
	common float64 // everyday verbs and adverbs
}

// defaultTuning is the tuning measured best on the question sets in
// testdata (see the closing notes of the tuning commits for the effect of
// each).
func defaultTuning() tuning {
	return tuning{
		coverage: 0.5, context: 0.30, passage: 0, proximity: 0.15, title: 0.10, intent: 0.08, subject: 0.10,
		lengthCost: 0.003, questionFactor: 0.6, titleOnly: 0.5, extendGain: 0.15, definitionBoost: 2,
		derived: 0.7, inflected: 1, synonym: 0.8, spelling: 0.9,
		frame: 0.2, common: 0.5,
	}
}
