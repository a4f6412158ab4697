"""The map (one document) and the reduce (a sum per group) give the same counts on any number of workers."""
from framing.analysis import analyse
from framing.corpus import read_corpus
from framing.counts import TermIndex, count, profile_document
from framing.lexicon import load_lexicon
from framing.matcher import Matcher


def test_parallel_equals_serial_and_reduce_is_a_sum(seeds_dir):
    corpus = read_corpus(seeds_dir)
    lexicons = [load_lexicon("israel-gaza")]
    serial = analyse(corpus, lexicons, workers=1)
    parallel = analyse(corpus, lexicons, workers=2)
    assert serial.profiles == parallel.profiles
    assert (serial.counts.count == parallel.counts.count).all()
    # Summing the four documents two by two, then adding, equals counting all at once.
    profiles = [profile_document(d, "all", [Matcher(lexicons[0])]) for d in corpus]
    terms = TermIndex.of(lexicons)
    halves = count(profiles[:2], terms).count + count(profiles[2:], terms).count
    assert (halves == count(profiles, terms).count).all()
    assert count(profiles, terms).tokens[0] == sum(p.tokens for p in profiles)


def test_token_counts_and_quotations_given_by_the_caller_change_nothing(seeds_dir):
    # A counting job tokenizes each text once for its n-grams and its token count, and finds its
    # quotations once for the profiles and the attribution.
    from framing.ngram_items import token_counts
    from framing.quotes import quote_spans

    corpus = read_corpus(seeds_dir)
    texts = [d.text for d in corpus]
    lexicons = [load_lexicon("israel-gaza")]
    given = analyse(corpus, lexicons, workers=1, tokens=token_counts(texts), quotes=[quote_spans(t) for t in texts])
    assert given.profiles == analyse(corpus, lexicons, workers=1).profiles
    assert sum(p.quoted_tokens for p in given.profiles) > 0  # the seeds quote people
