/**
 * Headline features: named cues (each with a plain-language reason) and the
 * word n-grams the learned model reads. The tabloid cues (sensational,
 * catastrophe and emotional-reaction framing) own the words they match: those
 * words are masked from the n-grams, so the source-labelled training data
 * cannot learn them away (newswire says "shock" and "chaos" too; tabloid bait
 * is under-represented in the data).
 */

export interface CueMatch {
  id: CueId;
  /** The matched snippets, as written in the headline. */
  matches: string[];
}

export type CueId =
  | 'listicle'
  | 'forwardReference'
  | 'curiosityGap'
  | 'secondPerson'
  | 'question'
  | 'superlative'
  | 'sensational'
  | 'doom'
  | 'reactionLead'
  | 'emotionalReaction'
  | 'vagueSubject'
  | 'scareQuotes'
  | 'allCaps'
  | 'exclamation'
  | 'titleCase'
  | 'pointer'
  | 'cliffhanger'
  | 'unnamedSubject'
  | 'withheldThing'
  | 'effectClause'
  | 'interrogative'
  | 'countOpening'
  | 'evaluativeLead'
  | 'yesNoQuestion'
  | 'hurried'
  | 'teasedOddity'
  | 'revealVerb'
  | 'keptDisclosure'
  | 'emphasis'
  | 'hashtag'
  | 'endPointer'
  | 'mystery'
  | 'whatOpening'
  | 'ellipsis'
  | 'conversationalOpener'
  | 'roundupOpener';

export interface CueDefinition {
  id: CueId;
  /** Reason shown to the reader, before the matched snippet. */
  label: string;
  /** Whether the reason quotes what matched ("Listicle number" does not). */
  quote: boolean;
  /**
   * Weight in the hand-set tabloid sub-model (model.ts), in logit units per
   * firing. Tabloid news bait is barely in the source-labelled data, so these
   * are priors, not learned; 0 leaves the cue to the learned model alone.
   */
  prior: number;
  find(headline: string): string[];
}

const NUMBER_WORDS =
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|hundred';
const LIST_NOUNS =
  'things|reasons|ways|times(?! (?:more|less|as|higher|lower|faster|slower|bigger|smaller|greater|over|a|the)\\b)|photos|pictures|pics|tweets|signs|facts|people|moments|questions|tips|tricks|secrets|gifs|struggles|foods|celebrities|stars|products|ideas|hacks|lessons|mistakes|words|places|dogs|cats|animals|memes|quotes|movies|films|songs|shows|books|celebs|truths|habits|rules|steps|items|looks|outfits|details|stories|images|posts|characters|jokes|problems|kinds|types';
// A list count: a leading number, or "N <list noun>" anywhere ("The 10 best ...", "these 7 photos");
// not chapter numbers ("29. Dealing with ..."), scores ("3-1") or ratios ("18 times more likely").
const LISTICLE = new RegExp(
  String.raw`^(?:the |these |here are |)(?:\d{1,3}|${NUMBER_WORDS})(?= )(?! (?:[\w']+ )?(?:killed|dead|die|died|dies|injured|hurt|arrested|charged|jailed|sentenced|convicted|held|missing|rescued|feared|evacuated|detained|freed|released|hospitali[sz]ed|wounded|drowned|shot|stabbed)\b)(?: [\w']+)?|\b(?:\d{1,3}|${NUMBER_WORDS}) (?:\w+ ){0,2}(?:${LIST_NOUNS})\b`,
  'i',
);
// Cheap tests that every listicle or forward-reference match needs: most headlines skip the long patterns.
const HAS_NUMBER = new RegExp(String.raw`\d|\b(?:${NUMBER_WORDS})\b`, 'i');
const HAS_BREAK = /\.\.|…|:\s*$|^(?:and|but|so|because) /i;
const HAS_POINTER_WORD = /\b(?:here|heres|this|these|those|that|thats|what|will)\b/i;
// Demonstratives with nothing to point back to ("this one trick", "these photos"), and "here's".
const TIME_NOUNS =
  'weeks?|weekends?|years?|months?|days?|nights?|hours?|morning|afternoon|evening|season|summer|winter|spring|autumn|fall|time|term|century|decade|christmas|easter|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december';
const FORWARD_REFERENCE = new RegExp(
  String.raw`\b(?:here(?:'?s| is| are)(?: (?:why|what|how|the|who|where|when|everything))?|this is (?:why|what|how|the|who|when|where)|that'?s (?:why|what|how)|(?:this|these|those)(?! (?:${TIME_NOUNS})\b)(?: (?:one|simple|little|tiny|new|weird|crazy|strange|amazing|incredible|genius|adorable|viral|mysterious|\w+'s)){0,2} (?!(?:is|are|was|were|will|has|have|and|of|to|in|on|for|as|at|by|with|from)\b)[a-z]+|(?:spotting|spots|spotted|finds|found|notices|noticed|discovers|discovered|shares|did|does|do|eat|eats|eating|try|tries|wear|wears|see|saw) this\b|(?:this|these|that)(?=[,.:!?]|$)|what happens? (?:next|when)|what happened next|will (?:blow|melt|break|restore|change|make) your)`,
  'gi',
);
const CURIOSITY_GAP =
  /\b(?:(?:you|u) (?:won't|will never|wont|never|can't|cannot|didn't|don't|need to|have to|must|should|probably) (?:believe|guess|see|know|expect|imagine|miss|read|watch|try|want)|(?:won't|can't|cannot) believe|the (?:real )?reason (?:why|behind)|the (?:real|true|secret|surprising|clever|strange|bizarre|simple|hidden) reasons?|the (?:[\w-]+ ){0,2}truth (?:about|behind)|truth behind|what (?:really )?happens when|find out (?:what|why|how|who)|the (?:one |simple |little )?(?:secret|trick) (?:to|behind|of)|(?:one|simple|weird|little) tricks?|secrets? (?:revealed|of|behind)|says it all|something (?:strange|weird|incredible|bizarre|unusual|surprising|amazing|special|huge|big)|reveals? (?:all|the truth|why|what|how|who|which|where|secret)|is (?:now )?unrecognisable|is unrecognizable|what (?:s?he|they|it|this|he|she|we) (?:found|did|said|discovered|saw|looks like)|the moment (?:when|that)|before and after|wait (?:until|till) you see|nobody (?:is talking|expected)|no one (?:expected|saw)|(?:has|had|sends|sent) (?:a|an) (?:\w+ )?(?:message|question|request|confession|surprise) for|everything you need to know|all you need to know|you need to (?:know|see)|must[- ]see|goes viral|broke the internet|breaks the internet|what (?:would|will|could|might) happen|what happened (?:when|after|to)|(?:is|was|are) priceless|(?:but )?(?:that's|that is|it's|it is) not the (?:\w+ )?(?:part|thing)|the reason (?:is|makes|will|may|might)|the result is|left (?:him|her|them|us|everyone) (?:stumped|speechless|baffled))\b/gi;
// Guessing games, teased secrets and catches: a second pattern, tried only when one of its words is there.
const CURIOSITY_GAP_MORE =
  /\b(?:(?:you'll |you will )?(?:never )?guess (?:who|what|which|how|where|why)|(?:for|over|because of|has|have|had|reveals?|promises?|is|just) one (?:\w+ )?(?:specific|big|simple|surprising|major|key|huge|strange|weird|important|small|little|tiny|very) (?:reason|thing|change|problem|trick|secret|word|detail|question|mistake|rule)s?|(?:but )?there's (?:a|one) (?:big |huge |major |small )?catch|the answer (?:may|will|might|could) surprise|(?:you'll|you will|you'd|you would) (?:never|not) (?:guess|believe|expect)|something (?:crazy|odd|remarkable|terrible|wonderful|unexpected|shocking|disturbing)|(?:reveals?|shares?|shared|revealed|admits?|admitted|confesses|confessed) (?:his |her |their |a |the )?(?:\w+ )?(?:secret|surprise|obsession|confession)|(?:nasty|big|huge|major|little) surprises?|(?:here's|here is) (?:what|why|how|who|the)|(?:everybody|everyone|nobody|no one|most people) (?:missed|misses|forgot|noticed|gets wrong|saw coming)|(?:on|with|under|except for|but for) (?:just )?one (?:\w+ )?(?:condition|exception|caveat|catch)|(?:do|does|did|doing|is|are|for|about|with|learn|know|want|wants|needs?) (?:just )?one (?:simple |big |small |little |more )?thing|(?:learns?|learned|learnt|found out|finds out) (?:the hard way|what|why|who)|(?:when|then|until) (?:s?he|they|you|we|people|everyone) (?:looks?|looked|take|takes|took) (?:a )?closer|(?:realises?|realizes?|realised|realized|discovers?|discovered|notices?|noticed) (?:what|why|who|something|the truth)|but not (?:from|for|because|how|why|what|who|where|the way)|(?:that's|that is|and that's|it's) (?:just|only) (?:the|one|a) (?:\w+ ){0,3}(?:beginning|start|part|piece|half|tip)|(?:is|are) (?:finally |now )?here(?=[.!]*$))\b/gi;
const HAS_GAP_WORD =
  /\b(?:guess|one|catch|answer|never|not|something|secret|surprise|surprises|obsession|confession|here's|here|everybody|everyone|nobody|no one|most|hard way|closer|learns?|learned|learnt|finds|found|reali[sz]e[sd]?|discover(?:s|ed)?|notice[sd]?|but not|just|only|here)\b/i;
const SECOND_PERSON =
  /\b(?:you|your|you're|youre|you've|you'll|you'd|yours|yourself|yourselves|ya|u(?![.&])|anyone (?:who|with|that)|everyone (?:who|with))\b/gi;
const QUESTION =
  /^(?:(?:which|what|who|why|how|can|could|do|does|did|is|are|was|were|should|would|will|have|has)\b[^?]*\?|.*\?\s*$)/i;
// A kind of thing, evaluated but not named ("a major change", "the crazy cooking hack", "one big problem").
const WITHHELD_THING =
  /(?:\b(?:a|an|the|one|this|his|her|their|its|makes?|made|has|have|had|finds?|found) |^)(?:(?:very|really|surprisingly|totally|pretty|much|even|far) )?(?:major|big|huge|surprising|simple|strange|unexpected|unusual|bizarre|weird|odd|clever|genius|crazy|brilliant|ingenious|mysterious|hidden|secret|nasty|shocking|amazing|incredible|unbelievable|little-known|unlikely|sneaky|smart|easy|quick|tiny|small|subtle|key|important|interesting|fascinating|curious|creepy|terrifying|scary|disturbing|heartwarming|sweet|adorable|hilarious|awkward|embarrassing|painful|sad|tragic|perfect|insane|gross|dark|epic|stunning|priceless|wild|alarming|jaw-dropping|mind-blowing|bigger|worse)(?: [a-z]+)? (?:change|problem|reason|trick|secret|thing|mistake|way|detail|feature|twist|surprise|hack|strategy|habit|rule|word|question|answer|discovery|find|side effect|sign|symptom|message|note|gesture|move|response|reaction|request|result|truth|fact|story|lesson|tip|method|plan|idea|confession|revelation|catch|amount|news|prediction|choice|gift)s?\b/gi;
// Every withheld-thing match holds one of its adjectives: a word lookup skips the pattern otherwise.
const WITHHELD_ADJECTIVES = new Set(
  'major|big|huge|surprising|simple|strange|unexpected|unusual|bizarre|weird|odd|clever|genius|crazy|brilliant|ingenious|mysterious|hidden|secret|nasty|shocking|amazing|incredible|unbelievable|little-known|unlikely|sneaky|smart|easy|quick|tiny|small|subtle|key|important|interesting|fascinating|curious|creepy|terrifying|scary|disturbing|heartwarming|sweet|adorable|hilarious|awkward|embarrassing|painful|sad|tragic|perfect|insane|gross|dark|epic|stunning|priceless|wild|alarming|jaw-dropping|mind-blowing|bigger|worse'.split(
    '|',
  ),
);
const hasWithheldAdjective = (text: string): boolean =>
  text
    .toLowerCase()
    .split(/[^a-z-]+/)
    .some((word) => WITHHELD_ADJECTIVES.has(word));
// A yes-or-no question ("Is North Korea behind ...", "Does sparkling water ..."), with or without its
// question mark (the Stop Clickbait data has none): the answer is usually "no", or in the article.
const YES_NO_QUESTION =
  /^(?:is|are|was|were|does|do|did|can|could|will|would|should|has|have)(?:n't)? (?!(?:said|says|told|set|to|not)\b)[\p{L}\p{N}'"]/iu;
// News told in a hurry ("A shop worker just leaked ...", "... finally has a date"): the
// headline sells the moment, not the fact.
const HURRIED =
  /\b(?:just (?:\w+ed|came|got|made|found|did|gave|took|won|lost|said|sold|broke|went|became|shut|put|hit|told|threw|bought|dropped|leaked|issued)|finally)\b/gi;
// An oddity promised but not shown ("the most unexpected city", "a surprising guest", "a painfully simple reason").
const TEASED_ODDITY =
  /\b(?:a|an|the|this) (?:most |very |painfully )?(?:unexpected|surprising|unlikely|mysterious|bizarre|strange|weird|odd|unusual|shocking|alarming|scary|dark|gross|crazy|simple|horrible|terrible|awful|embarrassing) (?!(?:and|or|of|to|in|as|but)\b)[a-z]+/gi;
// A verb that promises a disclosure the headline keeps ("Detective reveals who ...", "Chef explains why ...").
const REVEAL_VERB =
  /\b(?:reveals?|revealed|admits?|admitted|confirms?|explains?)\b(?! (?:that|plans?|details|budget|\d))/gi;
// A disclosure announced but kept: the thing is "revealed" at the end ("Sequel's title revealed"), or the
// headline names whose it is but not what ("Senator reveals his new slogan").
const KEPT_DISCLOSURE =
  /\b(?:revealed|unveiled|exposed|leaked)[.!?]*$|\b(?:reveals?|revealed|unveils?|unveiled|teases?|teased|shares?|shared) (?:his|her|their|its) (?:(?:new|next|real|secret|latest|biggest|favou?rite|surprising|true|top|first|big|one) )?(?:[\w-]+ ){0,2}(?:secret|slogan|plans?|title|name|reason|pick|choice|trick|identity|favou?rite|verdict|prediction|answer|response|salary|worth|diet|routine|regret|list|rule|tip|advice|frontrunner|successor|replacement|number|age|weight|price|date)\b/gi;
const HAS_DISCLOSURE_WORD = /\b(?:reveal|unveil|expos|leak|teas|shar)/i;
// A word of emphasis shouted in capitals inside a mixed-case headline ("with ONE vegetable", "heading here TODAY").
const EMPHASIS_WORDS =
  'ONE THIS THESE NO NOT NEVER EVER ALL EVERY EVERYONE NOBODY NOW TODAY MUST WHY HOW WHAT BIG HUGE FREE PANIC SHOCK SHOCKING REALLY ACTUALLY ONLY WARNING INSANE AMAZING TRUE SCARY DEAD'.split(
    ' ',
  );
const EMPHASIS_SET = new Set(EMPHASIS_WORDS);
const EMPHASIS_WORD = new RegExp(String.raw`\b(?:${EMPHASIS_WORDS.join('|')})\b`, 'g');
// The headline ends on what it points at ("... linked to this move", "... with this 1980s star"): the
// referent is the article. Not a time ("this week", "this Sunday") nor "this one" or "this way".
const END_POINTER = /\b(?:this|these) (?:[\w'-]+ ){0,3}[\w'-]+[.!?]*$/i;
const END_POINTER_TIME =
  /\b(?:this|these) (?:(?:[\w'-]+ ){0,3})?(?:year|years|week|weeks|month|months|season|weekend|morning|time|summer|winter|spring|fall|autumn|evening|afternoon|night|tonight|decade|century|one|way|is|was|too|\w+day|january|february|march|april|may|june|july|august|september|october|november|december|christmas|easter)[.!?]*$/i;
// The headline opens in a speaking voice ("So, is ...", "Wait, what?", "Yes, really: ...", "Hmm?"): an
// interjection set off by punctuation, as one talks to the reader, not as a desk reports. "No." is a ranking.
const CONVERSATIONAL_OPENER =
  /^(?:yes|yep|yeah|nope|no(?=[,!?])|so|wait|ok|okay|well|oh|ooh|uh|um|umm|hmm|hey|psst|look|seriously|honestly|sorry|alright|whoa|wow|ugh|welp|yikes|oops|sure|ah|aha|aw+|phew|behold)[,!?:]/i;
// A round-up that opens on the two ends of its range ("From kale to quinoa, how to ...", "From Lisbon to
// Lima, ten markets ..."): the headline promises a tour of items it does not name.
const ROUNDUP_OPENER = /^from (?:[\w'-]+ ){0,3}[\w'-]+ to (?:[\w'-]+ ){0,3}[\w'-]+,/i;
// A hashtag: the text was written for a social feed, not as a headline.
const HASHTAG = /(?:^|\s)#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu;
const SUPERLATIVE =
  /\b(?:best|worst|greatest|biggest|most|least|ever|literally|insanely|ridiculously|incredibly|absolutely|totally|seriously|actually|perfect|perfectly|amazing|incredible|unbelievable|epic|genius|hilarious|adorable|cutest|weirdest|craziest|funniest|dumbest|ultimate|mind-?blowing|jaw-?dropping|life-?changing|game-?changing|legendary|iconic|brilliant|gorgeous|magical|miracle|insane|crazy|ridiculous|outrageous|unreal|wildest|everything|everyone|always|never|only)\b/gi;
// Catastrophe framing: fear of an outcome the story does not report ("WW3 fears", "nuclear war fears").
const DOOM =
  /\b(?:(?:ww3|wwiii|world war (?:3|three|iii)|nuclear war|armageddon|apocalypse|doomsday)(?: \w+)? (?:fears?|scares?|panic|alert)|ww3|wwiii|world war (?:3|three|iii)|armageddon|apocalyp(?:se|tic)|doomsday|end of the world)\b/gi;
// Shock, horror and fury: the tabloid register ("shock attack", "slams", "fury as").
const SENSATIONAL =
  /\b(?:(?:shock(?:ing)?|horror|horrific|horrifying|terrifying|chilling|sickening|gruesome|brutal|bizarre|freak|heartbreaking|heartbreak)(?: (?!(?:as|and|or|of|to|in|on|at|for|the|a|an|after|over|from|by|with|is|are|was|were|new|win|wins|victory|defeat)\b)[a-z]+)?|shocks|shocked|shockingly|horrified|terrified|brutally|slams|slammed|slaps|blasted|rages|raged|fury|furious|fuming|outrage|outraged|chaos|carnage|meltdown|bombshell|sinister|nightmare|nightmarish|frenzy|vile|twisted|heartbroken|agony|humiliat(?:ed|ing|ion)|disgust(?:ed|ing)?|mocked|obliterates?|annihilates?|naked(?! eye)|nude|topless|raunchy|busty|steamy|sizzles?|flaunts?|wardrobe malfunction|cheeky|savage(?:ly|s|d)?(?= (?:attack|swipe|dig|response|reply|put-down|takedown|roast)))\b/gi;
// "Fury as ...", "Heartbreak as ...": the reaction first, the news after.
const REACTION_LEAD =
  /^(?:[\w' ]{0,30}(?:fury|anger|rage|shock|horror|outrage|chaos|panic|heartbreak|agony|terror|fears?|joy|delight|despair|drama|uproar|backlash|mayhem|carnage|disbelief|confusion|meltdown)) as\b/i;
const EMOTIONAL_REACTION =
  /\b(?:stunned|stuns|stunning|baffled|baffles|left speechless|speechless|in tears|tears up|can't stop|cannot stop|(?:lose|loses|lost|losing) (?:his|her|their|your|my|our|its) minds?|(?:lose|loses|lost|losing) it(?=[.,;!?]|$)|losing it\b|freak(?:s|ing)? out|obsessed|blown away|jaw[- ]drop|goosebumps|melts? (?:your|our|the internet's) hearts?|restore your faith|gasp|gasps|cringe|epic fail|wtf|omg|lol|wow|aww+|yikes|oops|all say the same thing|say the same thing|(?:left|leaves?) (?:\w+ ){0,2}(?:baffled|stunned|speechless|in stitches|in tears|fuming|horrified|furious|heartbroken|devastated|open-mouthed|scratching their heads|divided|seeing red)|sparks? (?:fury|outrage|anger|backlash|frenzy|panic|meltdown|uproar)|go(?:es|ing)? (?:wild|crazy|mad) (?:for|over)|has (?:fans|people|viewers|everyone|the internet) (?:talking|divided|in stitches|in tears|furious|fuming|swooning)|tearful|emotional (?:confession|plea|tribute|message)|will (?:stun|shock|surprise|amaze|terrify|scare|disgust|gross you out|creep you out|blow|melt|break|leave) (?:you|your))\b/gi;
// A subject left unnamed so the reader has to click to learn who.
const VAGUE_SUBJECT =
  /(?:^|[.:] )(?:this|one|a|these|some) (?:man|woman|guy|girl|boy|mom|mum|dad|mother|father|couple|teen|kid|family|person|student|bride|grandma|grandmother|grandpa|pensioner|dog|cat|baby|stranger|celebrity|star|actor|singer)\b|\b(?:someone|somebody|something|everyone is|nobody|no one|the internet|internet is|(?:people|fans|parents|mums|moms|dads|viewers|users|shoppers|customers|diners|doctors|scientists|experts|women|men|teachers|brits|americans|twitter users|commuters|passengers) (?:are|can't|cannot|all)|doctors (?:hate|say|warn)|this guy|this girl|this woman|this man|this dog|this cat|this kid|this mom|this dad|(?:why|how|what) one (?:man|woman|person|family|couple|girl|boy|teen|mom|mum|dad|doctor|town|city|state|country|company|school))\b/gi;
// The headline breaks off before the point: a trailing ellipsis or colon ("And the winner is..."),
// or it opens mid-thought ("And ...", "But ...").
const CLIFFHANGER =
  /(?:[\p{L}\p{N}']+\s?(?:\.{2,}|…)(?=\s*$|\s*\p{L})|[\p{L}\p{N}]+:\s*$|^(?:and|but|so|because) (?:the |this |that |then |it |now )?\p{L}+)/giu;
// A person named only by a description ("Popular country singer's tour bus ...", "Former 'Full House'
// star is now ...", "He carried the flag ...") at the start, where a news headline names them.
const UNNAMED_SUBJECT =
  /^(?:(?:a|an|the|this|one|whoa|wow) )?(?:(?:former|famous|popular|legendary|beloved|iconic|veteran|hollywood|celebrity|reality|tv|country|pop|rock|football|basketball|baseball|soccer|tennis|eccentric|crime|disney|oscar|grammy|olympic|[a-z]+-winning|"[^"]{1,40}")\s+){1,3}(?:star|singer|actor|actress|legend|player|rapper|model|writer|author|chef|host|athlete|celebrity|icon|director|comedian|musician|band|couple|billionaire|heiress|socialite)(?:'s)?\b|^(?:he|she|they) (?!(?:said|says|told|added)\b)[a-z]+/iu;
// Runs on normalised text (straight quotes); an apostrophe inside a word ("doesn't") does not close the quote.
const SCARE_QUOTES = /(?:^|[\s(])['"]((?:[^'"]|'(?=\p{L}))+?)['"](?=[\s,.:;!?)]|$)/gu;
// Quoted speech: three or more words in double quotes. Its "you" is the speaker's, not the headline's.
const QUOTED = /"[^"]*"/g;
const isSpeech = (quoted: string): boolean => quoted.trim().split(/\s+/).length >= 3;

/** The headline with quoted speech cut out, each quote replaced by `placeholder`. */
export function withoutQuotedSpeech(text: string, placeholder = ' '): string {
  return text.replace(QUOTED, (quoted) => (isSpeech(quoted) ? placeholder : quoted));
}

/** Two or more words, each capitalised (or a number): the name of a work or quoted title-case speech. */
function isTitle(quoted: string): boolean {
  const words = quoted.split(' ').filter((word) => /[\p{L}\p{N}]/u.test(word));
  return (
    words.length >= 2 &&
    words.every(
      (word) => /^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u.test(word) || /^(?:of|the|a|an|and|or|in|on|at|to|for|by)$/.test(word),
    )
  );
}

const ALL_CAPS_EXCEPTIONS = new Set([
  'NATO',
  'NASA',
  'FIFA',
  'UEFA',
  'UNICEF',
  'UNESCO',
  'OPEC',
  'ASEAN',
  'NHS',
  'BBC',
  'CNN',
  'FBI',
  'CIA',
  'USA',
  'NFL',
  'NBA',
  'MLB',
  'NHL',
  'NCAA',
  'HIV',
  'AIDS',
  'COVID',
  'SARS',
  'MERS',
  'IPO',
  'CEO',
  'GOP',
  'LGBT',
  'LGBTQ',
  'ISIS',
  'ISIL',
  'NSA',
  'IMF',
  'WHO',
  'EU',
  'UK',
  'US',
  'UN',
]);
const ALL_CAPS_WORD =
  /\b[A-Z][A-Z']{3,}\b|\b(?:OMG|WOW|WTF|LOL|YES|NO|THIS|EVER|MUST|WATCH|SEE|NOW|ONE|GOD|ALL|NOT|WHY|HOW|BIG|FREE)\b/g;

// Two capitals in a row (an apostrophe may be the second): every ALL_CAPS_WORD and EMPHASIS_WORD match
// starts so, and most headlines have none, so this one scan spares them both patterns.
const CAPITALS_RUN = /[A-Z][A-Z']/;

// Newsrooms lower-case short words even in title case; teaser sites capitalise them ("Is The Only").
export const TITLE_CASE_SMALL_WORD = /(?<=\S\s)(?:The|A|An|Of|To|In|On|For|And|At|By|Or)(?=\s)/;
// A word after the first left in lower case: a newsroom's title case keeps small words so ("Rangers and
// Devils Split On the Road"), a sentence-case headline capitalises "The" only inside a name ("Coins found
// near The Old Mill"); neither is the teaser habit of capitalising every word.
const LOWER_CASE_WORD =
  /(?<=\S\s)(?:the|a|an|of|to|in|on|for|and|at|by|or|with)(?=\s)|(?<=\S\s)\p{Ll}{3,}(?=[\s,.:;!?]|$)/u;

/**
 * text.matchAll(pattern) for a global pattern, as an array: the same matches, from
 * pattern.lastIndex on, with lastIndex left as it was. matchAll copies the pattern and
 * makes an iterator on every call, which costs more than the matching on a headline.
 */
export function execAll(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError('execAll needs a global pattern');
  const start = pattern.lastIndex;
  const found: RegExpExecArray[] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match);
    // An empty match moves on by one character (one code point for a unicode pattern), as matchAll does.
    if (match[0] === '') pattern.lastIndex = advance(text, pattern.lastIndex, /[uv]/.test(pattern.flags));
  }
  pattern.lastIndex = start;
  return found;
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? index + 2 : index + 1;
}

function matchesOf(pattern: RegExp, text: string): string[] {
  const found: string[] = [];
  for (const match of execAll(pattern, text)) {
    const trimmed = match[0].trim();
    if (trimmed) found.push(trimmed);
  }
  return found;
}

function firstMatch(pattern: RegExp, text: string): string[] {
  const match = pattern.exec(text);
  return match ? [match[0].trim()] : [];
}

export const CUES: readonly CueDefinition[] = [
  {
    id: 'listicle',
    label: 'Listicle number',
    quote: false,
    prior: 0.3,
    find: (text) => (HAS_NUMBER.test(text) ? firstMatch(LISTICLE, text) : []),
  },
  {
    id: 'forwardReference',
    label: 'Forward reference',
    quote: true,
    prior: 1.6,
    find: (text) => (HAS_POINTER_WORD.test(text) ? matchesOf(FORWARD_REFERENCE, text) : []),
  },
  {
    id: 'curiosityGap',
    label: 'Withholds the point',
    quote: true,
    prior: 3,
    find: (text) => [
      ...matchesOf(CURIOSITY_GAP, text),
      ...(HAS_GAP_WORD.test(text) ? matchesOf(CURIOSITY_GAP_MORE, text) : []),
    ],
  },
  {
    id: 'secondPerson',
    label: 'Addresses the reader',
    quote: true,
    prior: 0.9,
    find: (text) => matchesOf(SECOND_PERSON, withoutQuotedSpeech(text)),
  },
  {
    id: 'question',
    label: 'Asks the reader a question',
    quote: false,
    // The bait half of Stop Clickbait has its question marks stripped, so the learned model cannot weigh them:
    // this prior carries it (questions are bait about three times as often as news in real titles).
    prior: 1.2,
    find: (text) => firstMatch(QUESTION, text),
  },
  {
    id: 'withheldThing',
    label: 'Names a kind of thing, not the thing',
    quote: true,
    prior: 2.2,
    find: (text) => (hasWithheldAdjective(text) ? matchesOf(WITHHELD_THING, text) : []),
  },
  {
    id: 'yesNoQuestion',
    label: 'Asks a yes-or-no question',
    quote: false,
    prior: 1,
    find: (text) => firstMatch(YES_NO_QUESTION, text),
  },
  {
    id: 'superlative',
    label: 'Superlative or hyperbole',
    quote: true,
    prior: 0.4,
    find: (text) => matchesOf(SUPERLATIVE, text),
  },
  {
    id: 'sensational',
    label: 'Sensational framing',
    quote: true,
    prior: 1.6,
    find: (text) => matchesOf(SENSATIONAL, text),
  },
  {
    id: 'doom',
    label: 'Sensational fear framing',
    quote: true,
    prior: 3,
    find: (text) => matchesOf(DOOM, text),
  },
  {
    id: 'reactionLead',
    label: 'Leads with a reaction',
    quote: true,
    prior: 1.2,
    find: (text) => firstMatch(REACTION_LEAD, text),
  },
  {
    id: 'emotionalReaction',
    label: 'Promises an emotional reaction',
    quote: true,
    prior: 1.4,
    find: (text) => matchesOf(EMOTIONAL_REACTION, text),
  },
  {
    id: 'vagueSubject',
    label: 'Vague subject',
    quote: true,
    prior: 1.2,
    find: (text) => matchesOf(VAGUE_SUBJECT, text),
  },
  {
    id: 'scareQuotes',
    label: 'Scare quotes',
    quote: true,
    prior: 0.5,
    find: (text) =>
      execAll(SCARE_QUOTES, text)
        .map((match) => match[1]?.trim() ?? '')
        // Short quoted words and phrases: not a quoted sentence of speech, nor a title ('Mortal Kombat X').
        .filter((quoted) => quoted.split(' ').length <= 6 && !isTitle(quoted)),
  },
  {
    id: 'allCaps',
    label: 'Shouting in capitals',
    quote: true,
    prior: 0.8,
    find: (text) => {
      if (!CAPITALS_RUN.test(text)) return [];
      // A headline set entirely in capitals is typography, not shouting.
      const letters = text.replace(/[^\p{L}]/gu, '');
      if (letters.length > 0 && letters === letters.toUpperCase()) return [];
      return matchesOf(ALL_CAPS_WORD, text).filter(
        (word) => !ALL_CAPS_EXCEPTIONS.has(word.replace(/'S$/, '')) && !EMPHASIS_SET.has(word),
      );
    },
  },
  {
    id: 'emphasis',
    label: 'Shouts a word of emphasis',
    quote: true,
    prior: 2.2,
    find: (text) => {
      // Needs lower-case words around it: in an all-capitals headline nothing is singled out.
      if (!CAPITALS_RUN.test(text) || !/\p{Ll}{2}/u.test(text)) return [];
      return matchesOf(EMPHASIS_WORD, text);
    },
  },
  {
    id: 'conversationalOpener',
    label: 'Opens in a speaking voice',
    quote: true,
    prior: 1.4,
    find: (text) => firstMatch(CONVERSATIONAL_OPENER, text),
  },
  {
    id: 'roundupOpener',
    label: "Opens a round-up on 'from ... to ...'",
    quote: true,
    prior: 1.4,
    find: (text) => firstMatch(ROUNDUP_OPENER, text),
  },
  {
    id: 'hashtag',
    label: 'Hashtag, written for a social feed',
    quote: true,
    prior: 1.2,
    find: (text) => (text.includes('#') ? matchesOf(HASHTAG, text) : []),
  },
  { id: 'exclamation', label: 'Exclamation mark', quote: false, prior: 0.9, find: (text) => firstMatch(/!+/, text) },
  {
    id: 'cliffhanger',
    label: 'Breaks off before the point',
    quote: true,
    prior: 1.8,
    find: (text) => (HAS_BREAK.test(text) ? matchesOf(CLIFFHANGER, text) : []),
  },
  {
    id: 'unnamedSubject',
    label: 'Names the subject only by a description',
    quote: true,
    prior: 2.2,
    find: (text) => {
      const match = UNNAMED_SUBJECT.exec(text);
      // "Pop star Adele ...": the description is followed by the name.
      if (!match || /^\s+(?:\p{Lu}|")/u.test(text.slice(match[0].length))) return [];
      return [match[0].trim()];
    },
  },
  {
    id: 'hurried',
    label: "Hurried 'just' or 'finally'",
    quote: true,
    prior: 1,
    find: (text) => matchesOf(HURRIED, text),
  },
  {
    id: 'teasedOddity',
    label: 'Promises an oddity without showing it',
    quote: true,
    prior: 1.2,
    find: (text) => matchesOf(TEASED_ODDITY, text),
  },
  {
    id: 'revealVerb',
    label: 'Promises a disclosure',
    quote: true,
    prior: 0.6,
    find: (text) => matchesOf(REVEAL_VERB, text),
  },
  {
    id: 'endPointer',
    label: 'Ends by pointing at the article',
    quote: true,
    prior: 1.8,
    find: (text) => {
      const match = END_POINTER.exec(text);
      return match && !END_POINTER_TIME.test(match[0]) ? [match[0].replace(/[.!?]+$/, '')] : [];
    },
  },
  {
    id: 'keptDisclosure',
    label: 'Announces a disclosure but keeps it',
    quote: true,
    prior: 2,
    find: (text) => (HAS_DISCLOSURE_WORD.test(text) ? matchesOf(KEPT_DISCLOSURE, text) : []),
  },
  {
    id: 'titleCase',
    label: 'Every Word Capitalised, teaser style',
    quote: false,
    prior: 0,
    find: (text) => (LOWER_CASE_WORD.test(text) ? [] : firstMatch(TITLE_CASE_SMALL_WORD, text)),
  },
];

/** Straight quotes and apostrophes, single spaces: the cues read one spelling. */
export function normalizeHeadline(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every cue that fires on the (normalised) headline, with what it matched. */
export function extractCues(headline: string): CueMatch[] {
  const text = normalizeHeadline(headline);
  const found: CueMatch[] = [];
  for (const cue of CUES) {
    const matches = cue.find(text);
    if (matches.length > 0) found.push({ id: cue.id, matches: [...new Set(matches)] });
  }
  return found;
}

const RATIO_WORDS = new Set([
  'more',
  'less',
  'as',
  'higher',
  'lower',
  'faster',
  'slower',
  'bigger',
  'smaller',
  'greater',
]);
/**
 * Articles, auxiliaries, prepositions and the quote placeholder: how a desk
 * writes (newswire drops "the" and "has"; feature desks keep them), not what
 * makes a headline bait. An n-gram made only of these is left out, so the
 * source-labelled data cannot teach "The ..." or "has been" as bait.
 */
const HOUSE_STYLE = new Set(
  (
    '<s> </s> <quote> the a an of to in on at for by with from as into over after about and or ' +
    'is are was were be been being has have had'
  ).split(' '),
);
const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

/** Lower-cased word tokens, numbers folded to one token. */
export function tokenize(text: string): string[] {
  return tokensOf(normalizeHeadline(text));
}

/** tokenize() of text that is already normalised. */
function tokensOf(normalized: string): string[] {
  return execAll(TOKEN, normalized.toLowerCase()).map((match) => (/^\d/.test(match[0]) ? '<num>' : match[0]));
}

/**
 * Word unigrams and bigrams with start/end markers. Words a tabloid cue
 * matched are replaced by a placeholder, so the cue alone speaks for them.
 */
export function ngrams(headline: string, cues: CueMatch[]): string[] {
  const masked = new Set<string>();
  for (const cue of cues) {
    if (cue.id === 'sensational') {
      // Only the sensational word: in "shock attack" the noun is still news.
      for (const match of cue.matches) masked.add(tokensOf(match)[0] ?? '');
    } else if (cue.id === 'doom' || cue.id === 'emotionalReaction') {
      for (const match of cue.matches) for (const token of tokensOf(match)) masked.add(token);
    }
  }
  // Quoted speech becomes one <quote> token: its wording is the speaker's, not the headline writer's.
  const tokens = withoutQuotedSpeech(normalizeHeadline(headline), '\u0000')
    .split('\u0000')
    .flatMap((part, index) => (index > 0 ? ['<quote>', ...tokensOf(part)] : tokensOf(part)))
    .map((token) => (masked.has(token) ? '<cue>' : token));
  // "18 times more likely" is a ratio, not a listicle's "18 Times Chris Pratt ...".
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (tokens[i] === 'times' && tokens[i - 1] === '<num>' && RATIO_WORDS.has(tokens[i + 1] as string))
      tokens[i] = '<ratio>';
  }
  const features: string[] = [];
  const padded = ['<s>', ...tokens, '</s>'];
  for (let i = 0; i < padded.length; i++) {
    const token = padded[i] as string;
    const previous = padded[i - 1] as string;
    if (i > 0 && i < padded.length - 1 && token !== '<cue>' && !HOUSE_STYLE.has(token)) features.push(token);
    if (i > 0 && token !== '<cue>' && previous !== '<cue>' && !(HOUSE_STYLE.has(previous) && HOUSE_STYLE.has(token)))
      features.push(`${previous} ${token}`);
  }
  return features;
}
