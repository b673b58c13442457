package retrieval

import "testing"

func TestIntentOf(t *testing.T) {
	tests := []struct {
		question string
		want     intent
	}{
		{"When did Mongke Khan die?", intentTime},
		{"In what year did the Jin dynasty end?", intentTime},
		{"Who led the Broncos?", intentPerson},
		{"What is the name of the stadium in Miami?", intentPerson}, // a name, as a who question's is
		{"What was the last name of the player who fumbled?", intentPerson},
		{"What does the name Cadets mean?", intentNone},
		{"Which Broncos player intercepted Newton?", intentPerson}, // a kind of thing named: a name
		{"In what book did Meggers describe the idea?", intentPerson},
		{"Where was Smolny Institute?", intentPlace},
		{"Why did the Bolsheviks dissolve the Constituent Assembly?", intentReason},
		{"How many sacks did Miller have?", intentQuantity},
		{"What is a soviet?", intentDefinition},
		{"What did Lenin say about the soviets?", intentQuotation},
		// A clause set before the question asks nothing itself.
		{"When violence is used, what do protesters break?", intentNone},
		{"When many people are arrested, who negotiates?", intentPerson},
		{"If the soviets had won, why would it matter?", intentReason},
		{"According to Reed, where did the delegates meet?", intentPlace},
		{"When the war ended, when did the troops come home?", intentTime},
		// A question's own word before a comma stays the question.
		{"Who, when the war ended, came home?", intentPerson},
		{"When did Luther, Calvin and Zwingli meet?", intentTime},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			if got := intentOf(tt.question); got != tt.want {
				t.Errorf("intentOf = %d, want %d", got, tt.want)
			}
		})
	}
}
